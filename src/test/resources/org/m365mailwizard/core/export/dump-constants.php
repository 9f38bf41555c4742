<?php
// Test harness: requires an exported file with PHP's own define(), then prints, as JSON, every
// constant the file defined (type and value; strings base64-encoded so every byte is compared)
// and whatever the file printed. Any notice or warning fails the run (exit 70).
set_error_handler(function ($no, $message) {
    fwrite(STDERR, "PHP error: $message\n");
    exit(70);
});
$before = array_keys(get_defined_constants(true)['user'] ?? []);
ob_start();
require $argv[1];
$printed = ob_get_clean();

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

$constants = [];
foreach (get_defined_constants(true)['user'] ?? [] as $name => $value) {
    if (!in_array($name, $before, true)) {
        $constants[] = ['name' => $name, 'value' => describe($value)];
    }
}
echo json_encode(['printed' => base64_encode($printed), 'constants' => $constants], JSON_THROW_ON_ERROR);
