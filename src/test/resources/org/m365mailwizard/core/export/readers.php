<?php
// What the plugins and frameworks would read from an exported file, run by the real PHP interpreter.
// WordPress functions are stand-ins; each plugin's reading is rebuilt from its source (file:line cited),
// the frameworks' parsers are the real ones (Debian: php-symfony-dotenv, php-symfony-mailer,
// php-vlucas-phpdotenv). Prints JSON; strings base64-encoded. Any notice or warning fails the run (exit 70).
//   php readers.php wpo365 FILE PREMIUM(0|1) MODE(single|shared|subsite) CURRENT_BLOG MAIN_SITE
//   php readers.php post-smtp FILE WP_CLI(0|1)
//   php readers.php fluentsmtp FILE
//   php readers.php symfony FILE
//   php readers.php laravel FILE
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

function out($value) {
    echo json_encode(describe($value), JSON_THROW_ON_ERROR);
    exit(0);
}

function library($path, $package) {
    if (!is_file($path)) {
        fwrite(STDERR, "missing PHP library $path: apt-get install $package\n");
        exit(69);
    }
    require_once $path;
}

$mode = $argv[1];
$file = $argv[2];

if ($mode === 'wpo365') {
    [, , , $premium, $multisiteMode, $currentBlog, $mainSite] = $argv;
    // Stand-ins for WordPress.
    function get_current_blog_id() { return (int) $GLOBALS['current_blog']; }
    function get_main_site_id() { return (int) $GLOBALS['main_site']; }
    $GLOBALS['current_blog'] = $currentBlog;
    $GLOBALS['main_site'] = $mainSite;
    ob_start();
    require $file;
    if (ob_get_clean() !== '') {
        fwrite(STDERR, "the file printed something\n");
        exit(71);
    }
    // Core/Wpmu_Helpers.php:179-189: a sub-site's own ID only when sub-sites keep their own options.
    $blog = $multisiteMode === 'subsite' ? get_current_blog_id() : get_main_site_id();
    // Services/Wp_Config_Service.php:350-380: both constants are read only with a premium add-on active.
    $read = function ($prefix) use ($premium, $blog) {
        if ($premium !== '1') {
            return false;
        }
        $name = $prefix . $blog;
        return defined($name) && is_array(constant($name)) ? constant($name) : false;
    };
    $keys = ['mail_tenant_id', 'mail_application_id', 'mail_application_secret', 'mail_redirect_url', 'mail_tld'];
    // Wp_Config_Service.php:291-316: WPO_IDPS_x first, the one IdP with 'default' === true.
    $idps = $read('WPO_IDPS_');
    if (!empty($idps)) {
        $defaults = array_values(array_filter($idps, function ($idp) {
            return !empty($idp['default']) && $idp['default'] === true;
        }));
        if (count($defaults) === 1) {
            $mail = ['source' => 'WPO_IDPS_' . $blog];
            foreach ($keys as $key) {
                $mail[$key] = $defaults[0][$key] ?? '(from the settings page)';
            }
            out($mail);
        }
    }
    // Wp_Config_Service.php:318-332: then WPO_AAD_x; a key it lacks comes from the settings page.
    $aad = $read('WPO_AAD_');
    if (!empty($aad)) {
        $mail = ['source' => 'WPO_AAD_' . $blog];
        foreach ($keys as $key) {
            $mail[$key] = $aad[$key] ?? '(from the settings page)';
        }
        out($mail);
    }
    out(['source' => '(the settings page only)']);
} elseif ($mode === 'post-smtp') {
    if ($argv[3] === '1') {
        define('WP_CLI', true);
    }
    $GLOBALS['options'] = ['postman_options' => ['transport_type' => 'smtp', 'hostname' => 'smtp.example.com']];
    function get_option($name) { return $GLOBALS['options'][$name] ?? false; }
    function update_option($name, $value) { $GLOBALS['options'][$name] = $value; return true; }
    ob_start();
    require $file;
    $printed = ob_get_clean();
    $stored = $GLOBALS['options']['postman_options'];
    // Postman/Wizard/NewWizard.php:1501-1506: the mailer decodes both values when it reads them.
    out([
        'printed' => $printed,
        'stored' => $stored,
        'clientId' => isset($stored['office365_app_id']) ? base64_decode($stored['office365_app_id'], true) : null,
        'secret' => isset($stored['office365_app_password']) ? base64_decode($stored['office365_app_password'], true) : null,
    ]);
} elseif ($mode === 'fluentsmtp') {
    ob_start();
    require $file;
    ob_end_clean();
    // Outlook/Handler.php:125-136 and SettingsController.php:686-693 with key_store 'wp_config':
    // both constants are required; there is no other place for the secret.
    if (!defined('FLUENTMAIL_OUTLOOK_CLIENT_ID') || !defined('FLUENTMAIL_OUTLOOK_CLIENT_SECRET')) {
        out(['error' => 'Please define FLUENTMAIL_OUTLOOK_CLIENT_ID and FLUENTMAIL_OUTLOOK_CLIENT_SECRET in wp-config.php file.']);
    }
    out(['client_id' => FLUENTMAIL_OUTLOOK_CLIENT_ID, 'client_secret' => FLUENTMAIL_OUTLOOK_CLIENT_SECRET]);
} elseif ($mode === 'symfony') {
    library('/usr/share/php/Symfony/Component/Dotenv/autoload.php', 'php-symfony-dotenv');
    library('/usr/share/php/Symfony/Component/Mailer/autoload.php', 'php-symfony-mailer');
    $values = (new Symfony\Component\Dotenv\Dotenv())->parse(file_get_contents($file), $file);
    $dsn = Symfony\Component\Mailer\Transport\Dsn::fromString($values['MAILER_DSN']);
    out([
        'names' => array_keys($values),
        'scheme' => $dsn->getScheme(),
        'host' => $dsn->getHost(),
        'user' => $dsn->getUser(),
        'password' => $dsn->getPassword(),
        'tenantId' => $dsn->getOption('tenantId'),
        'authEndpoint' => $dsn->getOption('authEndpoint'),
    ]);
} elseif ($mode === 'laravel') {
    library('/usr/share/php/Dotenv/autoload.php', 'php-vlucas-phpdotenv');
    out(Dotenv\Dotenv::parse(file_get_contents($file)));
} else {
    fwrite(STDERR, "unknown mode $mode\n");
    exit(64);
}
