//! `crosscheck list`, `show` and `search`: reading the store back.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use crosscheck_store::{ListQuery, Store};

use crate::args::{EventsArgs, ListArgs, OutputFormat, SearchArgs, ShowArgs, StoreArgs};
use crate::exit;
use crate::output::open_output;

fn open(args: &StoreArgs) -> Result<Store> {
    let path: PathBuf = args.db.clone().unwrap_or_else(Store::default_path);
    if !path.exists() {
        bail!(
            "no store at {} (run `crosscheck analyze` first, or pass --db)",
            path.display()
        );
    }
    Store::open_read_only(&path)
        .with_context(|| format!("cannot open the store {}", path.display()))
}

pub fn list(args: ListArgs) -> Result<i32> {
    let store = open(&args.store)?;
    let query = ListQuery {
        outlet: args.outlet.clone(),
        label: args.label.clone(),
        limit: Some(args.limit),
        offset: args.offset,
        ..ListQuery::default()
    };
    let rows = store.list(&query)?;
    let mut out = open_output(None)?;
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut out, row)?;
                writeln!(out)?;
            }
        }
        OutputFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in &rows {
                w.serialize(row)?;
            }
            w.flush()?;
            return Ok(exit::SUCCESS);
        }
        OutputFormat::Text => {
            for row in &rows {
                writeln!(
                    out,
                    "{}  {}  {:<20}  {}",
                    row.id,
                    row.published
                        .map_or_else(|| " ".repeat(10), |d| d.to_string()),
                    crate::output::report_one_line(row.outlet.as_deref().unwrap_or("-"), 20),
                    crate::output::report_one_line(
                        row.title.as_deref().unwrap_or("(untitled)"),
                        80
                    ),
                )?;
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

pub fn show(args: ShowArgs) -> Result<i32> {
    let store = open(&args.store)?;
    let Some(mut stored) = store.article(&args.id)? else {
        bail!("no article with id {} in the store", args.id);
    };
    // Credibility and claim statuses come from the last linking run, not from the
    // stored analysis.
    store.merge_links(&mut stored.analysis)?;
    let mut out = open_output(None)?;
    match args.format {
        OutputFormat::Text => {
            crate::output::print_article(&mut out, &stored.analysis, &stored.text)?;
        }
        _ => {
            serde_json::to_writer_pretty(&mut out, &stored.analysis)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

pub fn search(args: SearchArgs) -> Result<i32> {
    let store = open(&args.store)?;
    let hits = store.search(&args.query, args.limit)?;
    let mut out = open_output(None)?;
    match args.format {
        OutputFormat::Text => {
            for hit in &hits {
                writeln!(
                    out,
                    "{}  {}",
                    hit.article,
                    crate::output::report_one_line(&hit.snippet, 110)
                )?;
            }
        }
        OutputFormat::Jsonl => {
            for hit in &hits {
                serde_json::to_writer(&mut out, hit)?;
                writeln!(out)?;
            }
        }
        _ => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

pub fn events(args: EventsArgs) -> Result<i32> {
    let store = open(&args.store)?;
    let mut out = open_output(None)?;
    if let Some(id) = &args.id {
        let Some(detail) = store.event(id)? else {
            bail!("no event with id {id} in the store");
        };
        match args.format {
            OutputFormat::Text => {
                let e = &detail.event;
                writeln!(out, "{}  {}", e.id, e.description)?;
                writeln!(out, "    articles: {}", e.articles.join(", "))?;
                for d in crate::output::disputes::disputes(&detail.contradictions) {
                    writeln!(
                        out,
                        "\n  DISPUTED {} ({} values, {} pairwise contradictions)",
                        d.field.as_str(),
                        d.values.len(),
                        d.contradictions
                    )?;
                    for v in &d.values {
                        writeln!(out, "    {}", v.value)?;
                        for r in &v.claims {
                            writeln!(
                                out,
                                "        {}  [{}]",
                                crate::output::disputes::who(r),
                                r.claim
                            )?;
                        }
                    }
                    let clashes = crate::output::disputes::clash_line(&d);
                    if !clashes.is_empty() {
                        writeln!(out, "    in conflict: {clashes}")?;
                    }
                }
                for c in &detail.corroborations {
                    writeln!(
                        out,
                        "\n  CORROBORATED {} = {} by {} independent sources",
                        c.field.as_str(),
                        c.value,
                        c.independent_sources
                    )?;
                }
            }
            _ => {
                serde_json::to_writer_pretty(&mut out, &detail)?;
                writeln!(out)?;
            }
        }
        out.flush()?;
        return Ok(exit::SUCCESS);
    }
    let events = store.events(args.limit, 0, args.contradicted)?;
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &events)?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            for e in &events {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
        _ => {
            for e in &events {
                writeln!(
                    out,
                    "{}  {} · {} · {} articles",
                    e.id,
                    crate::output::report_one_line(&e.description, 90),
                    crate::output::event_dates(e),
                    e.articles.len()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
