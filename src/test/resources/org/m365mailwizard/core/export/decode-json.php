<?php
// Test harness: decodes a JSON file exactly as WP-CLI's --format=json does (json_decode(..., true))
// and prints the result with every value's PHP type (strings base64-encoded), plus md5() of each key
// of "mappings" computed by PHP itself, to compare with FluentSMTP's connection keys.
set_error_handler(function ($no, $message) {
    fwrite(STDERR, "PHP error: $message\n");
    exit(70);
});
$data = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);

function describe($value) {
    if (is_array($value)) {
        $items = [];
        foreach ($value as $key => $item) {
            $items[] = ['key' => base64_encode((string) $key), 'keyType' => gettype($key), 'value' => describe($item)];
        }
        return ['type' => 'array', 'items' => $items];
    }
    return ['type' => gettype($value), 'value' => is_string($value) ? base64_encode($value) : $value];
}

$md5 = [];
foreach (array_keys($data['mappings'] ?? []) as $sender) {
    $md5[] = md5((string) $sender);
}
echo json_encode(['value' => describe($data), 'md5OfMappingKeys' => $md5], JSON_THROW_ON_ERROR);
