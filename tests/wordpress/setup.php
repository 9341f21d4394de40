<?php
// Installs the test WordPress (run by run.sh with PHP's CLI, after wp-config.php is written):
// the site in Japanese, an author `koho` with an application password, the category and tag
// the test's settings name. Prints the password and the ids as JSON.
// Usage: php setup.php DOCROOT URL ADMIN_PASSWORD
[$_, $root, $url, $admin_password] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/translation-install.php';

// No mail (the installation writes to the admin): nothing to send it with, nor anyone to read it.
add_filter('pre_wp_mail', '__return_false');
wp_install('Podium テスト', 'admin', 'admin@example.jp', false, '', $admin_password, 'ja');
update_option('siteurl', $url);
update_option('home', $url);
update_option('WPLANG', 'ja');

$author = wp_insert_user([
    'user_login' => 'koho',
    'user_pass' => wp_generate_password(24),
    'user_email' => 'koho@example.jp',
    'role' => 'author',
    'display_name' => '秘書広報課',
]);
if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message() . "\n"); exit(1); }
if (!wp_is_application_passwords_available_for_user(get_user_by('id', $author))) {
    fwrite(STDERR, "application passwords are not available (WP_ENVIRONMENT_TYPE?)\n");
    exit(1);
}
[$password] = WP_Application_Passwords::create_new_application_password($author, ['name' => 'Podium']);
$category = wp_insert_term('市長の部屋', 'category');
$tag = wp_insert_term('年頭挨拶', 'post_tag');
foreach ([$category, $tag] as $term) {
    if (is_wp_error($term)) { fwrite(STDERR, $term->get_error_message() . "\n"); exit(1); }
}
echo json_encode([
    'password' => WP_Application_Passwords::chunk_password($password),
    'author' => $author,
    'category' => $category['term_id'],
    'tag' => $tag['term_id'],
]), "\n";
