use std::ffi::OsString;
use std::path::PathBuf;

/// Where the store lives when `--db` is not given: `$CROSSCHECK_DB`, else
/// `$XDG_DATA_HOME/crosscheck/crosscheck.db`, else
/// `~/.local/share/crosscheck/crosscheck.db` (`%USERPROFILE%` stands in for `~`
/// where `HOME` is unset), else `crosscheck.db` in the working directory.
pub fn default_path() -> PathBuf {
    default_path_from(|key| std::env::var_os(key))
}

/// [`default_path`] over any environment, so the rules can be tested without
/// touching the process environment.
pub(crate) fn default_path_from(env: impl Fn(&str) -> Option<OsString>) -> PathBuf {
    let set = |key: &str| env(key).filter(|v| !v.is_empty());
    if let Some(db) = set("CROSSCHECK_DB") {
        return PathBuf::from(db);
    }
    // The XDG spec says relative values are invalid and must be ignored.
    if let Some(data) = set("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return data.join("crosscheck").join("crosscheck.db");
    }
    if let Some(home) = set("HOME").or_else(|| set("USERPROFILE")) {
        return PathBuf::from(home)
            .join(".local")
            .join("share")
            .join("crosscheck")
            .join("crosscheck.db");
    }
    PathBuf::from("crosscheck.db")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn explicit_variable_wins() {
        let p = default_path_from(env(&[
            ("CROSSCHECK_DB", "/srv/news.db"),
            ("XDG_DATA_HOME", "/data"),
            ("HOME", "/home/ana"),
        ]));
        assert_eq!(p, PathBuf::from("/srv/news.db"));
    }

    #[test]
    fn xdg_then_home() {
        let p = default_path_from(env(&[("XDG_DATA_HOME", "/data"), ("HOME", "/home/ana")]));
        assert_eq!(p, PathBuf::from("/data/crosscheck/crosscheck.db"));
        let p = default_path_from(env(&[("XDG_DATA_HOME", "relative"), ("HOME", "/home/ana")]));
        assert_eq!(
            p,
            PathBuf::from("/home/ana/.local/share/crosscheck/crosscheck.db")
        );
        let p = default_path_from(env(&[("CROSSCHECK_DB", ""), ("HOME", "/home/ana")]));
        assert_eq!(
            p,
            PathBuf::from("/home/ana/.local/share/crosscheck/crosscheck.db")
        );
        assert_eq!(default_path_from(env(&[])), PathBuf::from("crosscheck.db"));
    }
}
