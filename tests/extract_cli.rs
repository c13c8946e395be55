//! The `extract` example's contract on bad input: a file that cannot be read or is not UTF-8 is reported
//! on stderr with its name (and the byte offset of the first bad byte), the other files are still
//! processed, and the exit status is 1.
//!
//! The example is built with the same cargo and profile as this test (a no-op when `cargo test` has built
//! it already), and run as a user would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The path of the built `extract` example, from cargo's own report of the artifact.
fn extract_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args([
            "build",
            "--quiet",
            "--example",
            "extract",
            "--message-format=json",
        ]);
        if !cfg!(debug_assertions) {
            cmd.arg("--release");
        }
        let out = cmd.output().expect("cargo runs");
        assert!(
            out.status.success(),
            "cargo build --example extract failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["target"]["name"] == "extract")
            .find_map(|v| v["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the example's executable")
    })
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("alam-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&Path]) -> Output {
    Command::new(extract_binary())
        .args(args)
        .output()
        .expect("the example runs")
}

#[test]
fn bad_files_are_named_and_the_others_still_processed() {
    let dir = scratch("mixed");
    let first = dir.join("first.txt");
    let bad = dir.join("latin1.txt");
    let missing = dir.join("missing.txt");
    let last = dir.join("last.txt");
    std::fs::write(&first, "أقيمت ندوة في مدينة المكلا").unwrap();
    let good_prefix = "قال الأستاذ محمد\n";
    let mut bytes = good_prefix.as_bytes().to_vec();
    bytes.extend_from_slice(b"caf\xe9 \xd8");
    std::fs::write(&bad, &bytes).unwrap();
    std::fs::write(&last, "حضر الأستاذ محمد عبدالله الحامد الاجتماع").unwrap();

    let out = run(&[&first, &bad, &missing, &last]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 messages");

    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    let offset = good_prefix.len() + 3;
    assert!(
        stderr.contains(&format!(
            "extract: {}: not UTF-8: invalid byte at offset {offset}",
            bad.display()
        )),
        "stderr: {stderr}"
    );
    assert!(
        stderr.contains(&format!("extract: {}: cannot read: ", missing.display())),
        "stderr: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "one line per bad file: {stderr}");
    assert!(stdout.contains("المكلا"), "the first file: {stdout}");
    assert!(
        stdout.contains("محمد عبدالله الحامد"),
        "the file after the bad ones: {stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn good_files_exit_zero_with_exact_offsets() {
    let dir = scratch("good");
    let file = dir.join("news.txt");
    let text = "\u{FEFF}والأستاذة\u{200F} أَوسان محمد باحسين\r\nفي مدينة ﺍﻟﻤﻜﻼ";
    std::fs::write(&file, text).unwrap();
    let out = run(&[&file]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut seen = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert_eq!(&text[start as usize..end as usize], v["text"], "{line}");
        let char_start = v["char_start"].as_u64().unwrap() as usize;
        assert_eq!(text[..start as usize].chars().count(), char_start, "{line}");
        seen += 1;
    }
    assert!(seen >= 2, "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}
