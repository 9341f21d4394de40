//! Search over a library of 10,000 drafts of 2,000–4,000 Japanese characters each, in a
//! SQLite file and on a PostgreSQL server (Debian's, started by the bench on 127.0.0.1).
//!
//! Builds each library once, prints p50/p95 of a few hundred timed queries per query length
//! in plain text, then five writers racing on one draft while a sixth connection searches
//! (save and search times under load, conflicts, lost updates: must be 0), then hands the
//! queries to criterion. Targets: p95 ≤ 20 ms on SQLite, ≤ 30 ms on the server.
//! `cargo bench --bench search`; without `--bench` (as under `cargo test --benches`) it runs a
//! small smoke version.

use criterion::{Criterion, SamplingMode};
use podium::store::{testing, Address, DraftEdit, DraftStats, SaveKind, Store, StoreError};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

const DRAFTS: usize = 10_000;
const SMOKE_DRAFTS: usize = 300;
const LIMIT: usize = 50;

const QUERIES: [(&str, &[&str]); 4] = [
    ("1 char", &["式", "市", "災", "誉", "鷺"]),
    ("2 chars", &["協働", "防災", "市民", "令和", "港町"]),
    (
        "3+ chars",
        &[
            "まちづくり",
            "子育て支援",
            "挑戦と共創",
            "地域医療",
            "ございます",
            "心から感謝を申し上げます",
        ],
    ),
    (
        "multi-word",
        &[
            "協働 防災",
            "市民 子育て支援",
            "式 挨拶",
            "防災 訓練 地域",
            "の まちづくり 令和",
        ],
    ),
];

fn main() {
    let full = std::env::args().any(|arg| arg == "--bench");
    let (drafts, timed) = if full {
        (DRAFTS, 300)
    } else {
        (SMOKE_DRAFTS, 20)
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("podium.db");
    // PODIUM_BENCH_SERVER: an empty database on a server of one's own (an office's, to
    // measure it), else one on a server started here.
    let server =
        std::env::var("PODIUM_BENCH_SERVER").unwrap_or_else(|_| testing::postgres_library());
    let libraries = [
        ("SQLite", Address::File(path)),
        ("PostgreSQL", Address::Server(server)),
    ];
    let mut stores = Vec::new();
    for (name, address) in &libraries {
        let mut store = address.open().expect("open the library");
        let started = Instant::now();
        let chars = build(&mut store, drafts);
        println!(
            "\nsearch on {name}: {drafts} drafts, {:.1} M characters, built in {:.1} s{}",
            chars as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            if full {
                ""
            } else {
                " (smoke run, figures not meaningful)"
            }
        );
        measure(&mut store, timed);
        racing_writers(address, timed / 10 + 2);
        stores.push((*name, store));
    }
    println!();

    let mut criterion = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for (name, store) in &stores {
        let mut group = criterion.benchmark_group(format!("search {name}"));
        group.sampling_mode(SamplingMode::Flat);
        for (class, queries) in QUERIES {
            let mut next = queries.iter().cycle();
            group.bench_function(class, |b| {
                b.iter(|| store.search(next.next().copied().unwrap_or_default(), LIMIT))
            });
        }
        group.finish();
    }
    criterion.final_summary();
}

/// Search, list and autosave times on one library, each alone.
fn measure(store: &mut Store, timed: usize) {
    println!(
        "{:<12} {:>7} {:>8} {:>8} {:>8}",
        "query", "timed", "p50 ms", "p95 ms", "max ms"
    );
    for (class, queries) in QUERIES {
        let mut next = queries.iter().cycle();
        let times = sample(timed, || {
            store.search(next.next().copied().unwrap_or_default(), LIMIT)
        });
        report(class, &times);
    }
    let matching: Vec<String> = QUERIES
        .iter()
        .flat_map(|(_, queries)| queries.iter())
        .map(|query| {
            let hits = store.search(query, usize::MAX).map_or(0, |hits| hits.len());
            format!("{query} {hits}")
        })
        .collect();
    println!("matching drafts: {}", matching.join(", "));

    let list = sample(timed / 10 + 1, || store.list_drafts());
    report("list_drafts", &list);
    let draft = store.list_drafts().expect("list")[0].id;
    let mut current = store.draft(draft).expect("read a draft");
    let saves = sample(timed / 3 + 1, || {
        let mut edit = DraftEdit {
            title: current.title.clone(),
            body: current.body.clone(),
            stats: current.stats,
            ..DraftEdit::default()
        };
        edit.body.push('。');
        let now = current.updated_at + time::Duration::seconds(1);
        let saved = store.save_draft(draft, &edit, current.revision, SaveKind::Autosave, now);
        current = saved?;
        Ok::<_, podium::store::StoreError>(())
    });
    report("autosave", &saves);
}

/// Five writers, each on its own connection, append to one draft `saves` times each (read,
/// add a line, save; on a conflict read again and redo), while a sixth connection searches.
/// Prints save and search times under that load, the conflicts met, and the lines lost
/// (must be 0).
fn racing_writers(address: &Address, saves: usize) {
    const WRITERS: usize = 5;
    let edit = |body: String| DraftEdit {
        title: "共同編集".into(),
        stats: DraftStats {
            chars: u32::try_from(body.chars().count()).unwrap_or(u32::MAX),
            seconds: 1.0,
        },
        body,
        ..DraftEdit::default()
    };
    let now = OffsetDateTime::UNIX_EPOCH + time::Duration::days(30_000);
    let id = address
        .open()
        .expect("open")
        .create_draft(&edit("# 共同編集\n".into()), now)
        .expect("create the shared draft")
        .id;
    let done = std::sync::atomic::AtomicBool::new(false);
    let (save_times, conflicts, search_times) = std::thread::scope(|scope| {
        let searcher = scope.spawn(|| {
            let store = address.open().expect("open");
            let mut times = Vec::new();
            let mut next = QUERIES.iter().flat_map(|(_, q)| q.iter()).cycle();
            // At least 20 searches, however soon the writers finish.
            while times.len() < 20 || !done.load(std::sync::atomic::Ordering::Relaxed) {
                let started = Instant::now();
                store
                    .search(next.next().copied().unwrap_or_default(), LIMIT)
                    .expect("search");
                times.push(started.elapsed().as_secs_f64() * 1e3);
            }
            times
        });
        let writers: Vec<_> = (0..WRITERS)
            .map(|writer| {
                scope.spawn(move || {
                    let mut store = address.open().expect("open");
                    store.set_author(&format!("writer{writer}"));
                    let (mut times, mut conflicts) = (Vec::new(), 0);
                    for save in 0..saves {
                        loop {
                            let draft = store.draft(id).expect("read");
                            let body = format!("{}{writer}-{save}\n", draft.body);
                            let started = Instant::now();
                            let saved = store.save_draft(
                                id,
                                &edit(body),
                                draft.revision,
                                SaveKind::Autosave,
                                now,
                            );
                            times.push(started.elapsed().as_secs_f64() * 1e3);
                            match saved {
                                Ok(_) => break,
                                Err(StoreError::Conflict { .. } | StoreError::Busy) => {
                                    conflicts += 1
                                }
                                Err(err) => panic!("writer {writer}: {err}"),
                            }
                        }
                    }
                    (times, conflicts)
                })
            })
            .collect();
        let mut save_times = Vec::new();
        let mut conflicts = 0;
        for writer in writers {
            let (times, met) = writer.join().expect("a writer");
            save_times.extend(times);
            conflicts += met;
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        (
            save_times,
            conflicts,
            searcher.join().expect("the searcher"),
        )
    });
    let body = address.open().expect("open").draft(id).expect("read").body;
    let lost = (0..WRITERS)
        .flat_map(|writer| (0..saves).map(move |save| format!("{writer}-{save}")))
        .filter(|line| !body.lines().any(|l| l == line))
        .count();
    let sorted = |mut times: Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times
    };
    println!(
        "{WRITERS} writers × {saves} saves on one draft, a searcher beside them: \
         {conflicts} conflicts resolved, {lost} updates lost"
    );
    report("save (5 w.)", &sorted(save_times));
    report("search (5 w.)", &sorted(search_times));
}

/// Times `count` calls of `run`, which must succeed.
fn sample<T, E: std::fmt::Debug>(count: usize, mut run: impl FnMut() -> Result<T, E>) -> Vec<f64> {
    run().expect("warm-up run");
    let mut times: Vec<f64> = (0..count)
        .map(|_| {
            let started = Instant::now();
            run().expect("timed run");
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

fn report(label: &str, sorted_ms: &[f64]) {
    let at = |q: f64| sorted_ms[((sorted_ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label:<12} {:>7} {:>8.2} {:>8.2} {:>8.2}",
        sorted_ms.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

/// Fills the store with `count` generated drafts (1 in 50 deleted); returns their characters.
fn build(store: &mut Store, count: usize) -> usize {
    let mut rng = Lcg(0x5eed);
    let t0 = OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_000);
    let mut chars = 0;
    let mut made = 0;
    while made < count {
        let batch: Vec<DraftEdit> = (made..count.min(made + 500))
            .map(|_| draft(&mut rng))
            .collect();
        chars += batch.iter().map(|d| d.stats.chars as usize).sum::<usize>();
        let now = t0 + time::Duration::minutes(made as i64);
        let created = store.import_drafts(&batch, now).expect("import drafts");
        for gone in created.iter().filter(|d| d.id % 50 == 0) {
            store.delete_draft(gone.id, now).expect("delete a draft");
        }
        made += batch.len();
    }
    chars
}

/// A small deterministic generator (PCG-style LCG); no `rand` needed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

#[rustfmt::skip]
const EVENTS: &[&str] = &[
    "仕事始め式", "入庁式", "成人式", "卒業式", "開校式", "市制施行記念式典", "防災訓練",
    "市民表彰式", "新年互礼会", "施政方針演説", "戦没者追悼式", "敬老会", "消防出初式",
];

#[rustfmt::skip]
const THEMES: &[&str] = &[
    "子育て支援", "防災", "地域医療", "公共交通", "デジタル化", "脱炭素", "観光振興",
    "中小企業支援", "学校教育", "文化芸術", "スポーツ振興", "高齢者福祉", "移住定住", "農業振興",
    "空き家対策", "行財政改革", "多文化共生", "男女共同参画", "健康づくり", "商店街の活性化",
    "水道の耐震化", "図書館の再整備", "地域包括ケア", "ごみの減量",
];

#[rustfmt::skip]
const PARTNERS: &[&str] = &[
    "市民の皆様", "地元企業", "大学", "商工会議所", "自治会", "NPO", "医療機関", "県", "近隣自治体",
    "金融機関", "社会福祉協議会", "PTA", "農協", "観光協会", "消防団",
];

#[rustfmt::skip]
const PLACES: &[&str] = &[
    "北区", "南区", "中央地区", "駅前", "旧市街", "臨海部", "山間部", "川沿いの地域", "新市街",
    "港町", "城下町", "田園地帯", "ニュータウン", "工業団地",
];

#[rustfmt::skip]
const NUMBERS: &[&str] = &[
    "一", "二", "三", "五", "十", "二十", "三十", "五十", "百", "三百", "千",
];
/// Kanji for made-up names of people and places: a long tail of rare words.
const NAME_KANJI: &str =
    "山川田中村松本井上木林森石原小野高橋藤岡浦島谷沢宮崎前後清水桜梅竹鶴亀杉柳菊星光明和誉";

const SENTENCES: &[&str] = &[
    "皆さん、明けましておめでとうございます。",
    "年末年始も休まず業務に当たっていただいた職員の皆さんに、心から感謝を申し上げます。",
    "昨年は{P}を中心に大きな災害があり、被災された方々に改めてお見舞いを申し上げます。",
    "本日、{E}を迎え、身の引き締まる思いでございます。",
    "私たちは{T}を最重要課題として位置付け、全庁を挙げて取り組んでまいります。",
    "{R}との協働により、{P}の新しいまちづくりを進めます。",
    "{T}については、{N}件を超えるご意見を頂きました。",
    "人口減少と少子高齢化が進む中で、持続可能な行政運営が求められています。",
    "部局の垣根を越えた横断的な取組が欠かせません。",
    "地域の未来を担う人材を育てることは、私たちの責務であります。",
    "{P}では、{R}と連携した実証事業が始まっています。",
    "働き方を見直し、職員一人ひとりが力を発揮できる職場をつくります。",
    "デジタル技術を活用し、窓口の待ち時間を{N}分短縮することを目指します。",
    "本年のテーマは「挑戦と共創」であります。",
    "皆さんの健康と、災害のない穏やかな一年となることを心から願っております。",
    "以上をもちまして、私の挨拶といたします。",
    "{E}にあたり、一言ご挨拶を申し上げます。",
    "{R}の皆様のご尽力に、深く敬意を表します。",
    "{T}の充実に向けて、新たに{N}億円の予算を計上いたしました。",
    "第一に、{T}です。",
    "第二に、{R}との共創です。",
    "第三に、働き方改革です。",
    "市民の声に耳を傾け、現場に足を運ぶことを大切にしてください。",
    "前例にとらわれず、失敗を恐れずに挑戦する組織でありたいと考えています。",
    "{P}の商店街には、若い世代の新しいお店が次々と生まれています。",
    "子どもたちの笑顔があふれるまちを、皆さんと一緒につくっていきましょう。",
    "本市は今年、市制施行{N}周年という大きな節目を迎えます。",
    "安全で安心して暮らせるまちの実現に向け、{T}の取組を加速させます。",
    "皆さんの若い力と柔軟な発想に、大いに期待しています。",
    "それぞれの職場で、自分にできることは何かを考え、行動に移してください。",
    "ご清聴ありがとうございました。",
    "{R}と力を合わせ、{T}の新しい仕組みを築いてまいります。",
    "{M}さんをはじめ、{P}の皆様には大変お世話になりました。",
    "先日、{M}小学校を訪れ、子どもたちと給食をともにしました。",
    "{M}川の河川改修は、{N}年越しの悲願でありました。",
    "令和{N}年度には、{T}の拠点施設が完成する予定です。",
    "昨年の豪雨では、{M}地区で土砂崩れが発生し、多くの方が避難されました。",
    "消防団の皆様の献身的な活動に、改めて感謝申し上げます。",
    "国や県の動向を注視しつつ、本市らしい施策を打ち出してまいります。",
    "財政は決して楽観できる状況にはありません。",
    "だからこそ、限られた資源を大切に使い、成果を市民に還元しなければなりません。",
    "{T}は、一つの部署だけでは解決できない課題です。",
    "{M}さんの言葉を借りれば、「まちは人がつくる」のであります。",
    "私自身も、先頭に立って汗をかく覚悟です。",
];

fn fill(rng: &mut Lcg, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let slot = &rest[open + 1..open + 2];
        match slot {
            "P" => out.push_str(rng.pick(PLACES)),
            "T" => out.push_str(rng.pick(THEMES)),
            "R" => out.push_str(rng.pick(PARTNERS)),
            "E" => out.push_str(rng.pick(EVENTS)),
            "N" => out.push_str(rng.pick(NUMBERS)),
            _ => {
                let count = NAME_KANJI.chars().count();
                for _ in 0..2 {
                    out.extend(NAME_KANJI.chars().nth(rng.next() % count));
                }
            }
        }
        rest = &rest[open + 3..];
    }
    out.push_str(rest);
    out
}

fn draft(rng: &mut Lcg) -> DraftEdit {
    let event = rng.pick(EVENTS).to_string();
    let title = format!("{event}の挨拶（{}）", rng.pick(THEMES));
    let target = 2_000 + rng.next() % 2_000;
    let mut body = format!("# {title}\n");
    let mut chars = body.chars().count();
    let mut sentences = 0;
    while chars < target {
        if sentences % 12 == 0 {
            let heading = format!("\n## {}\n\n", rng.pick(THEMES));
            chars += heading.chars().count();
            body.push_str(&heading);
        }
        let template = rng.pick(SENTENCES);
        let sentence = fill(rng, template);
        chars += sentence.chars().count();
        body.push_str(&sentence);
        sentences += 1;
        if sentences % 4 == 0 {
            body.push_str("\n\n");
        }
    }
    DraftEdit {
        title,
        event,
        body,
        stats: DraftStats {
            chars: u32::try_from(chars).unwrap_or(u32::MAX),
            seconds: chars as f64 / 5.0,
        },
        ..DraftEdit::default()
    }
}
