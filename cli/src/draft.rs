//! Commands over one draft file: stats, lint, export, print.

use super::readings::app_for_text;
use super::source::read_source;
use super::{minutes_seconds, print_json, shown, Failure, LibraryArg, Outcome};
use clap::Args;
use podium::analysis::AnalysisOptions;
use podium::export::{
    self, BlogDestination, ExportOptions, ExportProfile, PrintOptions, RubyStyle, SaveFileError,
    DEFAULT_PRINT_SIZE_PT, PRINT_SIZE_PT,
};
use podium::japanese::pace;
use podium::lint::{self, LintConfig, PrhDictionary};
use podium::script::{self, SectionRole};
use podium::settings;
use podium::timing::{self, Pace, TimingOptions};
use podium_app::analysis;
use podium_app::wire::WordDocument;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct StatsArgs {
    /// 原稿ファイル（- で標準入力）(draft file, - for stdin)
    file: PathBuf,
    /// 読む速さ（字/分、辞書がないとき）(pace in characters per minute, without the dictionary)
    #[arg(long, default_value_t = timing::DEFAULT_CHARS_PER_MINUTE, value_parser = parse_pace)]
    pace: f64,
    /// 読む速さ（拍/分、辞書があるとき）(pace in morae per minute, with the dictionary)
    #[arg(long, default_value_t = pace::DEFAULT_MORAE_PER_MINUTE, value_parser = parse_mora_pace)]
    mora_pace: f64,
    /// 文字数だけで計算する（辞書を使わない）(count characters only, without the dictionary)
    #[arg(long)]
    chars_only: bool,
    #[arg(long)]
    json: bool,
}

fn parse_pace(text: &str) -> Result<f64, String> {
    parse_in(text, &settings::PACE_CPM, "字/分", "characters")
}

fn parse_mora_pace(text: &str) -> Result<f64, String> {
    parse_in(text, &settings::PACE_MPM, "拍/分", "morae")
}

fn parse_in(
    text: &str,
    range: &std::ops::RangeInclusive<u32>,
    unit: &str,
    unit_en: &str,
) -> Result<f64, String> {
    let (low, high) = (f64::from(*range.start()), f64::from(*range.end()));
    match text.parse::<f64>() {
        Ok(pace) if pace.is_finite() && (low..=high).contains(&pace) => Ok(pace),
        _ => Err(format!(
            "{low}〜{high} の数で指定してください（{unit}）(a number of {unit_en} per minute, {low}–{high})"
        )),
    }
}

#[derive(Serialize)]
struct StatsReport {
    title: Option<String>,
    chars: usize,
    spoken_chars: usize,
    /// The pace the seconds were timed at: morae a minute with the dictionary, else
    /// characters a minute.
    pace: Pace,
    /// Morae as read, when the dictionary is present (the seconds are then timed in morae).
    #[serde(skip_serializing_if = "Option::is_none")]
    morae: Option<usize>,
    seconds: f64,
    sections: Vec<SectionReport>,
}

#[derive(Serialize)]
struct SectionReport {
    title: String,
    role: SectionRole,
    chars: usize,
    seconds: f64,
}

/// Seconds to one decimal place, for reports.
fn tenths(seconds: f64) -> f64 {
    (seconds * 10.0).round() / 10.0
}

pub fn stats(args: StatsArgs) -> Outcome {
    let source = read_source(&args.file)?;
    let options = AnalysisOptions {
        timing: TimingOptions {
            pace: Pace::chars_per_minute(args.pace),
            ..TimingOptions::default()
        },
        mora_pace: pace::morae_per_minute(args.mora_pace),
        ..AnalysisOptions::default()
    };
    let app = app_for_text(&LibraryArg::default(), !args.chars_only);
    // Parsed once: the analysis and the count in characters read the same script.
    let script = script::parse(&source.text);
    let analysis = analysis::analyse_script(&app, &script, &source.text, &options);
    let estimate = timing::estimate(&script, &options.timing);
    let timed = &analysis.timing;
    let report = StatsReport {
        title: analysis.title.clone(),
        chars: estimate.chars,
        spoken_chars: estimate.spoken,
        pace: timed.pace,
        morae: analysis.morae,
        seconds: tenths(timed.seconds),
        sections: timed
            .sections
            .iter()
            .map(|s| SectionReport {
                title: s.title.clone(),
                role: s.role,
                chars: s.chars,
                seconds: tenths(s.seconds),
            })
            .collect(),
    };
    if args.json {
        return print_json(&report);
    }
    out!("{}", shown(report.title.as_deref().unwrap_or("（無題）")));
    match report.morae {
        Some(morae) => out!(
            "  {}字（読み {}字、{}拍）  約{}（{:.0}拍/分）",
            report.chars,
            report.spoken_chars,
            morae,
            minutes_seconds(report.seconds),
            timed.pace.per_minute
        ),
        None => out!(
            "  {}字（読み {}字）  約{}（{}字/分）",
            report.chars,
            report.spoken_chars,
            minutes_seconds(report.seconds),
            report.pace.per_minute
        ),
    }
    for section in &report.sections {
        let title = if section.title.is_empty() {
            "（前文）"
        } else {
            &section.title
        };
        out!(
            "  {:>6}字 {:>8}  {}",
            section.chars,
            minutes_seconds(section.seconds),
            shown(title)
        );
    }
    Ok(())
}

#[derive(Args)]
pub struct LintArgs {
    /// 原稿ファイル（- で標準入力）(draft file, - for stdin)
    file: PathBuf,
    /// 表記の辞書（prh 形式の YAML）(user dictionary in prh's YAML format)
    #[arg(long)]
    dict: Option<PathBuf>,
    /// 文字単位の規則だけで校正する（辞書を使わない）(character rules only, without the dictionary)
    #[arg(long)]
    chars_only: bool,
    /// この規則を使わない（くり返し指定できます: --off kanji-run --off furigana）(switch a rule off)
    #[arg(long, value_name = "RULE", value_parser = parse_rule)]
    off: Vec<lint::Rule>,
    #[arg(long)]
    json: bool,
}

fn parse_rule(id: &str) -> Result<lint::Rule, String> {
    lint::Rule::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = lint::Rule::ALL.iter().map(|r| r.id()).collect();
        format!("規則は次のいずれか (one of): {}", ids.join(", "))
    })
}

#[derive(Serialize)]
struct LintReport<'a> {
    findings: Vec<FindingReport<'a>>,
}

/// One finding, flat: the CLI's contract.
#[derive(Serialize)]
struct FindingReport<'a> {
    rule: lint::Rule,
    severity: lint::Severity,
    message: &'a str,
    line: usize,
    column: usize,
    /// Byte range in the file.
    start: usize,
    end: usize,
    excerpt: &'a str,
    /// The replacement text, where the rule has a fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a str>,
}

impl<'a> From<&'a lint::Finding> for FindingReport<'a> {
    fn from(finding: &'a lint::Finding) -> Self {
        FindingReport {
            rule: finding.rule,
            severity: finding.severity,
            message: &finding.message,
            line: finding.span.line(),
            column: finding.span.column(),
            start: finding.span.start(),
            end: finding.span.end(),
            excerpt: &finding.excerpt,
            fix: finding.fix.as_ref().map(|fix| fix.replacement.as_str()),
        }
    }
}

pub fn lint(args: LintArgs) -> Outcome {
    let source = read_source(&args.file)?;
    let dictionary = match &args.dict {
        Some(path) => {
            let dict = read_source(path)?;
            let parsed = PrhDictionary::from_yaml(&dict.text)
                .map_err(|e| Failure::input(format!("{}: {e}", dict.name)))?;
            Some(parsed)
        }
        None => None,
    };
    let options = AnalysisOptions {
        lint: LintConfig {
            dictionary,
            off: args.off,
            ..LintConfig::default()
        },
        ..AnalysisOptions::default()
    };
    let app = app_for_text(&LibraryArg::default(), !args.chars_only);
    let findings = analysis::analyse_with(&app, &source.text, &options).findings;
    if args.json {
        return print_json(&LintReport {
            findings: findings.iter().map(FindingReport::from).collect(),
        });
    }
    for finding in &findings {
        out!(
            "{}:{}:{}: {} [{}] {}\n    {}",
            source.name,
            finding.span.line(),
            finding.span.column(),
            finding.severity.id(),
            finding.rule.id(),
            shown(&finding.message),
            shown(&finding.excerpt)
        );
    }
    if findings.is_empty() {
        note!("{}: 指摘はありません (no findings)", source.name);
    }
    Ok(())
}

#[derive(Args)]
pub struct ExportArgs {
    /// 原稿ファイル（- で標準入力）(draft file, - for stdin)
    file: PathBuf,
    /// 形式 (format): md, txt, html, html-doc, blog, docx（Word、-o が必要）(docx: Word, needs -o)
    #[arg(long = "to", value_parser = parse_format)]
    to: Format,
    /// ブログの行き先 (where the blog post goes): html, wordpress（ブロック）, ameba
    #[arg(long = "for", value_parser = parse_destination)]
    destination: Option<BlogDestination>,
    /// ルビ (ruby): tags, paren, paren-first（初出のみかっこ書き）, base
    #[arg(long, value_parser = parse_ruby)]
    ruby: Option<RubyStyle>,
    /// ブログのフッター（Markdown ファイル）(blog footer, a Markdown file)
    #[arg(long)]
    footer: Option<PathBuf>,
    /// ブログの書き出しの一文 (the blog post's first line)
    #[arg(long = "lead-in")]
    lead_in: Option<String>,
    /// 読み上げソフト向け：①を(1)に、ルビはタグで (for screen readers: ① as (1), ruby as markup)
    #[arg(long)]
    accessible: bool,
    /// 出力先（省略すると標準出力）(output file; stdout without it)
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

/// What `export --to` writes: a text profile, or a Word document of the published text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text(ExportProfile),
    Word,
}

const WORD: &str = "docx";

fn parse_format(text: &str) -> Result<Format, String> {
    if text.trim() == WORD {
        return Ok(Format::Word);
    }
    text.parse().map(Format::Text).map_err(|_| {
        "md, txt, html, html-doc, blog, docx のいずれか (one of md, txt, html, html-doc, blog, docx)"
            .into()
    })
}

fn parse_destination(text: &str) -> Result<BlogDestination, String> {
    text.parse()
        .map_err(|_| "html, wordpress, ameba のいずれか (one of html, wordpress, ameba)".into())
}

fn parse_ruby(text: &str) -> Result<RubyStyle, String> {
    text.parse().map_err(|_| {
        "tags, paren, paren-first, base のいずれか (one of tags, paren, paren-first, base)".into()
    })
}

pub fn export(args: ExportArgs) -> Outcome {
    let profile = match args.to {
        Format::Text(profile) => profile,
        Format::Word => return export_word(&args),
    };
    let source = read_source(&args.file)?;
    let blog_footer = match &args.footer {
        Some(path) => Some(read_source(path)?.text),
        None => None,
    };
    let script = script::parse(&source.text);
    let destination = match (profile, args.destination) {
        (ExportProfile::Blog, destination) => destination.unwrap_or_default(),
        (_, None) => BlogDestination::Html,
        (profile, Some(_)) => {
            return Err(Failure::input(format!(
                "--for はブログ（--to blog）にだけ使えます (--for is for --to blog, not {profile})"
            )))
        }
    };
    let default_ruby = match profile {
        ExportProfile::Blog => destination.default_ruby(),
        profile => export::default_ruby(profile),
    };
    let options = ExportOptions {
        profile,
        ruby: args.ruby.unwrap_or(default_ruby),
        blog_footer,
        blog_summary: None,
        blog_lead_in: args.lead_in.clone(),
        blog_destination: destination,
        accessible: args.accessible,
    };
    if profile == ExportProfile::Blog && export::summary::summarise(&script).is_empty() {
        note!(
            "podium: {}: 要旨を作れませんでした（読み上げる文がありません）。ブログの要旨は空です (no summary: the draft has no sentences to summarise)",
            source.name
        );
    }
    warn_unfilled(&source.name, &source.text);
    let output = export::export(&script, &options);
    match &args.output {
        Some(path) => write_file(path, output.as_bytes()),
        None => std::io::stdout()
            .write_all(output.as_bytes())
            .map_err(Failure::output),
    }
}

/// As the app's export dialog warns: a `{{…}}` left unfilled would reach the reader.
fn warn_unfilled(name: &str, text: &str) {
    let unfilled: Vec<&str> = podium::templates::unfilled(text)
        .map(|(range, _)| &text[range])
        .collect();
    if !unfilled.is_empty() {
        note!(
            "podium: {name}: 未入力の差し込み欄がそのまま書き出されます: {} (unfilled placeholders are exported as they are)",
            unfilled.join(" ")
        );
    }
}

/// `export --to docx`: the published text as a Word document, into `-o FILE` or a pipe, never
/// onto a terminal. Ruby is Word's own; the blog's and the text profiles' options do not apply.
fn export_word(args: &ExportArgs) -> Outcome {
    let text_only = [
        (args.ruby.is_some(), "--ruby"),
        (args.footer.is_some(), "--footer"),
        (args.lead_in.is_some(), "--lead-in"),
        (args.accessible, "--accessible"),
        (args.destination.is_some(), "--for"),
    ];
    if let Some((_, option)) = text_only.iter().find(|(given, _)| *given) {
        return Err(Failure::input(format!(
            "{option} は --to docx では使えません（ルビは Word のルビになります）({option} does not apply to --to docx: ruby is Word ruby)"
        )));
    }
    if args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::input(
            "Word ファイルは端末に出力できません。-o 原稿.docx で保存先を指定してください \
             (a .docx is binary: write it with -o FILE.docx)",
        ));
    }
    let source = read_source(&args.file)?;
    warn_unfilled(&source.name, &source.text);
    let bytes = podium_app::export::word_document(&source.text, &WordDocument::Published)
        .map_err(|error| Failure::input(format!("{}: {}", source.name, error.message)))?;
    match &args.output {
        Some(path) => write_file(path, &bytes),
        None => std::io::stdout().write_all(&bytes).map_err(Failure::output),
    }
}

#[derive(Args)]
pub struct PrintArgs {
    /// 原稿ファイル（- で標準入力）(draft file, - for stdin)
    file: PathBuf,
    /// 出力先の HTML ファイル、.docx なら Word 文書（省略すると標準出力に HTML）
    /// (output HTML file, or a Word document when it ends in .docx; HTML on stdout without it)
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// 縦書き (vertical writing, columns from right to left)
    #[arg(long)]
    vertical: bool,
    /// 文字の大きさ（ポイント）(type size in points)
    #[arg(long, value_name = "PT", default_value_t = DEFAULT_PRINT_SIZE_PT,
          value_parser = clap::value_parser!(u32).range(
              i64::from(*PRINT_SIZE_PT.start())..=i64::from(*PRINT_SIZE_PT.end())))]
    size: u32,
    /// 話し手のメモ（> [!note]）も小さく印刷する (print the speaker's notes too, small)
    #[arg(long)]
    notes: bool,
}

/// The reading script as a printable HTML page, or as a Word document when the output ends in
/// `.docx`. PDF is not written here: that needs a browser engine to lay out Japanese text with
/// ruby, and Podium runs none of its own nor starts one (see the README). The page prints to
/// PDF from any browser, page numbers included.
pub fn print(args: PrintArgs) -> Outcome {
    let ends_in = |extension: &str| {
        args.output.as_deref().is_some_and(|path| {
            path.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case(extension))
        })
    };
    if ends_in("pdf") {
        return Err(Failure::input(
            "PDF は直接作れません。-o 原稿.html で書き出し、Edge や Chrome で開いて「印刷」→「PDF に保存」を選んでください \
             (podium print writes HTML, not PDF: write -o FILE.html, open it in Edge or Chrome and print it to PDF)",
        ));
    }
    let source = read_source(&args.file)?;
    let options = PrintOptions {
        size_pt: args.size,
        vertical: args.vertical,
        notes: args.notes,
    };
    if let (true, Some(path)) = (ends_in(WORD), &args.output) {
        let document = WordDocument::ReadingScript { options };
        let bytes = podium_app::export::word_document(&source.text, &document)
            .map_err(|error| Failure::input(format!("{}: {}", source.name, error.message)))?;
        return write_file(path, &bytes);
    }
    let output = podium_app::export::print_document(&source.text, &options)
        .map_err(|error| Failure::input(format!("{}: {}", source.name, error.message)))?;
    match &args.output {
        Some(path) => write_file(path, output.as_bytes()),
        None => std::io::stdout()
            .write_all(output.as_bytes())
            .map_err(Failure::output),
    }
}

/// Write a whole file or nothing, as the app saves an export (see `podium::files`).
fn write_file(path: &Path, contents: &[u8]) -> Outcome {
    let absolute = std::path::absolute(path)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
    export::write_file_atomically(&absolute, contents).map_err(|error| {
        let message = format!("{}: {error}", path.display());
        match error {
            SaveFileError::Io { .. } => Failure::runtime(message),
            _ => Failure::input(message),
        }
    })
}
