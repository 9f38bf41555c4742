<?php
// Test harness for the exports, run by the real PHP interpreter. Prints JSON; strings are
// base64-encoded so that every byte is compared, and every value carries its PHP type.
//   php harness.php constants FILE  requires FILE with PHP's own define() and lists every constant it
//                                   defined, plus whatever requiring it printed;
//   php harness.php json FILE       decodes FILE as WP-CLI's --format=json does (json_decode(…, true))
//                                   and adds PHP's md5() of each key of "mappings" (FluentSMTP's keys).
// Any notice or warning fails the run (exit 70).
set_error_handler(function ($no, $message) {
    fwrite(STDERR, "PHP error: $message\n");
    exit(70);
});

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

[, $mode, $file] = $argv;
if ($mode === 'constants') {
    $before = array_keys(get_defined_constants(true)['user'] ?? []);
    ob_start();
    require $file;
    $printed = ob_get_clean();
    $constants = [];
    foreach (get_defined_constants(true)['user'] ?? [] as $name => $value) {
        if (!in_array($name, $before, true)) {
            $constants[] = ['name' => $name, 'value' => describe($value)];
        }
    }
    echo json_encode(['printed' => base64_encode($printed), 'constants' => $constants], JSON_THROW_ON_ERROR);
} elseif ($mode === 'json') {
    $data = json_decode(file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
    $md5 = [];
    foreach (array_keys($data['mappings'] ?? []) as $sender) {
        $md5[] = md5((string) $sender);
    }
    echo json_encode(['value' => describe($data), 'md5OfMappingKeys' => $md5], JSON_THROW_ON_ERROR);
} else {
    fwrite(STDERR, "unknown mode $mode\n");
    exit(64);
}
