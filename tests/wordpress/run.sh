#!/usr/bin/env bash
# A real WordPress for `make test-wordpress`, from Debian's packages (wordpress, mariadb-server,
# php; `make apt-deps-wordpress`), on 127.0.0.1 in a temporary folder, then Podium's WordPress
# draft against it:
#
#   1. a private MariaDB: its own data folder and socket (no TCP), started by mariadb-install-db
#      and mariadbd as the `mysql` user when this runs as root;
#   2. WordPress's PHP files (the top-level ones and wp-admin copied, so that they find this
#      wp-config.php and not Debian's /etc/wordpress; wp-includes and wp-content linked) with a
#      generated wp-config.php: that database, WP_ENVIRONMENT_TYPE 'local' (application
#      passwords over http on loopback), no calls to wordpress.org, no cron;
#   3. PHP's built-in server on a free port; WordPress installed by PHP's CLI (setup.php: the
#      site in Japanese, an author `koho` with an application password, a category and a tag);
#   4. `cargo test -p podium-app --test wordpress_site` with the site's address and password:
#      Podium's use case creates the draft, the test reads it back (REST, context=edit) and asks
#      WordPress's own `parse_blocks` (blocks.php) what blocks it holds;
#   5. the block editor in headless Chromium, logged in (ui/tests/wordpress-editor.mjs): every
#      block of the draft is a valid native block; a screenshot in ui/test-results/.
#
# KEEP=1 leaves the site running (and prints its address) until Enter is pressed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
started=$(date +%s)
work=$(mktemp -d /tmp/podium-wordpress.XXXXXX)
chmod 755 "$work"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop EXIT

free_port() { php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];'; }

# 1. MariaDB
db_user=$(id -un)
[ "$(id -u)" -eq 0 ] && db_user=mysql
mkdir -p "$work/db"
chown "$db_user" "$work/db"
mariadb-install-db --no-defaults --datadir="$work/db" --user="$db_user" \
  --auth-root-authentication-method=normal --skip-test-db >"$work/install-db.log" 2>&1 \
  || { cat "$work/install-db.log"; exit 1; }
socket="$work/db/mysqld.sock"
mariadbd --no-defaults --datadir="$work/db" --socket="$socket" --skip-networking \
  --pid-file="$work/db/mysqld.pid" --user="$db_user" --log-error="$work/db/mysqld.err" \
  2>>"$work/mariadbd.log" &
pids+=($!)
for _ in $(seq 1 100); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || { cat "$work/db/mysqld.err"; exit 1; }
mariadb --no-defaults -S "$socket" -u root -e "
  CREATE DATABASE wordpress CHARACTER SET utf8mb4;
  CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
  GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# 2. WordPress's files and configuration
site="$work/wp"
mkdir "$site"
for entry in /usr/share/wordpress/*; do
  case "$(basename "$entry")" in
    wp-config.php) ;;
    wp-includes | wp-content) ln -s "$entry" "$site/" ;;
    *) cp -a "$entry" "$site/" ;;
  esac
done
port=$(free_port)
url="http://127.0.0.1:$port"
key() { php -r 'echo bin2hex(random_bytes(32));'; }
cat >"$site/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$socket');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
define('AUTH_KEY', '$(key)');
define('SECURE_AUTH_KEY', '$(key)');
define('LOGGED_IN_KEY', '$(key)');
define('NONCE_KEY', '$(key)');
define('AUTH_SALT', '$(key)');
define('SECURE_AUTH_SALT', '$(key)');
define('LOGGED_IN_SALT', '$(key)');
define('NONCE_SALT', '$(key)');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
defined('ABSPATH') || define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

# 3. PHP's server and the installation
php -S "127.0.0.1:$port" -t "$site" >"$work/php.log" 2>&1 &
pids+=($!)
admin_password=$(key)
setup=$(php "$here/setup.php" "$site" "$url" "$admin_password")
for _ in $(seq 1 50); do
  php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' "$url/?rest_route=/" && break
  sleep 0.1
done
ready=$(date +%s)
echo "WordPress $(php -r "include '/usr/share/wordpress/wp-includes/version.php'; echo \$wp_version;") at $url (set up in $((ready - started)) s)"

# 4. Podium's use case against it
export PODIUM_WORDPRESS_URL="$url" PODIUM_WORDPRESS_SETUP="$setup" \
  PODIUM_WORDPRESS_BLOCKS="php $here/blocks.php $site $url" \
  PODIUM_WORDPRESS_ADMIN_PASSWORD="$admin_password" PODIUM_WORDPRESS_POST_FILE="$work/post-id"
(cd "$root" && ${CARGO:-cargo} test -p podium-app --test wordpress_site -- --nocapture --test-threads=1)
tested=$(date +%s)

# 5. The block editor
(cd "$root/ui" && node tests/wordpress-editor.mjs)
finished=$(date +%s)
echo "make test-wordpress: set-up $((ready - started)) s, use case $((tested - ready)) s, editor $((finished - tested)) s, total $((finished - started)) s"

if [ "${KEEP:-0}" = 1 ]; then
  echo "The site stays at $url (admin / $admin_password) until Enter is pressed."
  read -r _
fi
