<?php
// The blocks WordPress's own parser (`parse_blocks`) finds in a post's saved content, as JSON:
// each block's name and its inner blocks' names; a null name is HTML outside any block
// (a Classic block). Usage: php blocks.php DOCROOT URL POST_ID
[$_, $root, $url, $id] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['REQUEST_URI'] = '/';
require $root . '/wp-load.php';
$post = get_post((int) $id);
if (!$post) { fwrite(STDERR, "no post $id\n"); exit(1); }
$names = function (array $blocks) use (&$names) {
    $out = [];
    foreach ($blocks as $block) {
        if ($block['blockName'] === null && trim($block['innerHTML']) === '') continue;
        $out[] = ['name' => $block['blockName'], 'inner' => $names($block['innerBlocks'])];
    }
    return $out;
};
echo json_encode(['status' => $post->post_status, 'blocks' => $names(parse_blocks($post->post_content))], JSON_UNESCAPED_UNICODE), "\n";
