//! The `extract` example's contract on bad input: a file that cannot be read or is not UTF-8 is reported
//! on stderr with its name (and the byte offset of the first bad byte), the other files are still
//! processed, and the exit status is 1.
//!
//! The example is built with the same cargo and profile as this test (a no-op when `cargo test` has built
//! it already), and run as a user would run it.

// The example and the gold file read and write JSON: they need the `serde` feature.
#![cfg(feature = "serde")]

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

/// Runs the example with `args` (any `OsStr`), giving up after a minute: a case that would hang fails.
fn run_os(args: &[&std::ffi::OsStr]) -> Output {
    use std::process::Stdio;
    let mut child = Command::new(extract_binary())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("extract {args:?} did not finish within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text_of(out: &Output) -> (String, String) {
    (
        String::from_utf8(out.stdout.clone()).expect("UTF-8 output"),
        String::from_utf8(out.stderr.clone()).expect("UTF-8 messages"),
    )
}

/// The `file` of each output row, in order.
fn files_of(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object a line");
            v["file"].as_str().expect("a file field").to_string()
        })
        .collect()
}

#[test]
fn help_and_version_go_to_stdout_with_status_zero() {
    let out = run_os(&["--help".as_ref()]);
    let (stdout, stderr) = text_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("Usage: extract") && stdout.contains("--format"),
        "{stdout}"
    );
    let out = run_os(&["--version".as_ref()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text_of(&out).0.trim(),
        format!("extract {}", env!("CARGO_PKG_VERSION"))
    );
    let out = run_os(&["--format".as_ref(), "xml".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
}

/// Links are followed, each file is read once however many links lead to it, and links back to a folder
/// being walked (two of them here) are reported without hanging; the status says something was skipped.
#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_each_file_read_once() {
    use std::os::unix::fs::symlink;
    let dir = scratch("loops");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "في مدينة المكلا").unwrap();
    std::fs::write(dir.join("sub/b.txt"), "في مدينة عدن").unwrap();
    symlink(&dir, dir.join("sub/up")).unwrap(); // loop 1
    symlink(dir.join("sub"), dir.join("sub/self")).unwrap(); // loop 2
    symlink(dir.join("a.txt"), dir.join("z-link.txt")).unwrap(); // a second way to a.txt
    let out = run_os(&[dir.as_os_str()]);
    let (stdout, stderr) = text_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let files = files_of(&stdout);
    assert_eq!(
        files,
        [
            dir.join("a.txt").display().to_string(),
            dir.join("sub/b.txt").display().to_string()
        ],
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("a symbolic link loop").count(),
        2,
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A file name that is not UTF-8, given as an argument or met in a folder, is read; the output shows it
/// with U+FFFD.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("latin1-names");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let path = dir.join(name);
    std::fs::write(&path, "في مدينة المكلا").unwrap();
    for arg in [path.as_os_str(), dir.as_os_str()] {
        let out = run_os(&[arg]);
        let (stdout, stderr) = text_of(&out);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert_eq!(
            files_of(&stdout),
            [dir.join("caf\u{FFFD}.txt").display().to_string()]
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A FIFO named `*.txt` inside a folder is skipped with a warning (reading it would wait for a writer
/// forever); the regular files beside it are read and the status is 0.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_warning() {
    let dir = scratch("fifo");
    std::fs::write(dir.join("a.txt"), "في مدينة المكلا").unwrap();
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let out = run_os(&[dir.as_os_str()]);
    let (stdout, stderr) = text_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(files_of(&stdout), [dir.join("a.txt").display().to_string()]);
    assert_eq!(
        stderr.trim(),
        format!(
            "extract: warning: {}: not a regular file (a FIFO, socket or device): skipped",
            fifo.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Started with its standard output closed, the example says so and fails instead of writing nowhere.
#[cfg(unix)]
#[test]
fn closed_stdout_is_an_error() {
    let dir = scratch("closed");
    let file = dir.join("a.txt");
    std::fs::write(&file, "في مدينة المكلا").unwrap();
    let out = Command::new("sh")
        .args(["-c", "exec \"$0\" \"$1\" >&-"])
        .arg(extract_binary())
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("standard output is closed"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that stops early (`| head -1`) ends the example quietly with status 0.
#[cfg(unix)]
#[test]
fn a_broken_pipe_ends_quietly() {
    let dir = scratch("pipe");
    let file = dir.join("long.txt");
    // Far more output than a pipe holds: the example is still writing when head exits.
    std::fs::write(&file, "زار الوفد مدينة المكلا ثم عدن\n".repeat(20_000)).unwrap();
    let out = Command::new("bash")
        .args([
            "-c",
            "\"$0\" \"$1\" | head -1 >/dev/null; exit ${PIPESTATUS[0]}",
        ])
        .arg(extract_binary())
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// UTF-16 with a byte-order mark is decoded (offsets into the decoded text); without one it is
/// recognized by its NUL bytes and reported with the file's name; UTF-32 is reported.
#[test]
fn utf16_with_a_mark_is_decoded_and_without_one_reported() {
    let dir = scratch("utf16");
    let text = "أقيمت ندوة في مدينة المكلا";
    let with_bom = dir.join("bom.txt");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&with_bom, bytes).unwrap();
    let no_bom = dir.join("nobom.txt");
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&no_bom, bytes).unwrap();
    let utf32 = dir.join("utf32.txt");
    let bytes: Vec<u8> = "\u{FEFF}في مدينة المكلا"
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    std::fs::write(&utf32, bytes).unwrap();

    let out = run_os(&[with_bom.as_os_str(), no_bom.as_os_str(), utf32.as_os_str()]);
    let (stdout, stderr) = text_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let row: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let (start, end) = (
        row["start"].as_u64().unwrap() as usize,
        row["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "المكلا");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let errs: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        errs,
        [
            format!(
                "extract: {}: UTF-16LE without a byte-order mark, by its NUL bytes: convert it to UTF-8 (or add the mark)",
                no_bom.display()
            ),
            format!(
                "extract: {}: UTF-32 (it starts with a UTF-32 byte-order mark): convert it to UTF-8",
                utf32.display()
            ),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--lossy` reads invalid UTF-8 with U+FFFD, warns with the file's name, and its offsets are into the
/// decoded text; without it the file is an error.
#[test]
fn lossy_decodes_with_a_warning() {
    let dir = scratch("lossy");
    let file = dir.join("latin1.txt");
    let mut bytes = b"caf\xe9 ".to_vec();
    bytes.extend_from_slice("في مدينة المكلا".as_bytes());
    std::fs::write(&file, &bytes).unwrap();
    let out = run_os(&["--lossy".as_ref(), file.as_os_str()]);
    let (stdout, stderr) = text_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "extract: warning: {}: not UTF-8: invalid bytes replaced with U+FFFD (--lossy), the first at byte offset 3",
            file.display()
        )),
        "{stderr}"
    );
    let decoded = String::from_utf8_lossy(&bytes);
    let row: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let (start, end) = (
        row["start"].as_u64().unwrap() as usize,
        row["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&decoded[start..end], "المكلا");
    let out = run_os(&[file.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}
