//! The themes dashboard (`/themes`) and its CSV tables: what the core's
//! [`casebook::themes::ThemeReport`] shows, with every count linking to the reviews it counts
//! (see [`crate::counted`]).

use askama::Template;
use askama_web::WebTemplate;

use casebook::FacetGroup;
use casebook::themes::{SplitBy, ThemeReport};

use crate::chrome::Chrome;
use crate::counted::CountedLinks;
use crate::params::SearchParams;
use crate::views::{Chip, Labels, age_label, facet_param, filter_chips};

/// Themes in the trend table and chart.
const TREND_SIZE: usize = 6;
/// Bars in the chart of the most frequent themes.
const CHART_BARS: usize = 15;
/// Lift from which a pair is shown as occurring together more than chance.
const NOTABLE_LIFT: f64 = 1.5;

/// The tables a CSV download (and `casebook themes --table`) can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    /// Each theme and risk factor: how many reviews count for it.
    Themes,
    /// Each theme by year of publication.
    Trend,
    /// Each theme by review type, board or age band.
    Split,
    /// Pairs of themes found in the same reviews, with their lift.
    Pairs,
    /// Recommendations made in several reviews.
    Recurrent,
}

impl Table {
    /// Every table, in the order the dashboard shows them.
    pub(crate) const ALL: [Table; 5] =
        [Table::Themes, Table::Trend, Table::Split, Table::Pairs, Table::Recurrent];

    /// The table's name in URLs and on the command line.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Table::Themes => "themes",
            Table::Trend => "trend",
            Table::Split => "split",
            Table::Pairs => "pairs",
            Table::Recurrent => "recurrent",
        }
    }

    /// Reads a table's name; the error lists the names.
    pub(crate) fn parse(s: &str) -> Result<Table, String> {
        Table::ALL.into_iter().find(|t| t.as_str() == s).ok_or_else(|| {
            let names: Vec<&str> = Table::ALL.iter().map(|t| t.as_str()).collect();
            format!("{s:?} is not one of {}", names.join(", "))
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "themes.html")]
pub(crate) struct ThemesPage {
    pub(crate) chrome: Chrome,
    pub(crate) q: String,
    pub(crate) hidden: Vec<(String, String)>,
    pub(crate) n_reviews: usize,
    pub(crate) chips: Vec<Chip>,
    pub(crate) search_href: String,
    pub(crate) csv_query: String,
    pub(crate) split_name: &'static str,
    pub(crate) split_links: Vec<(&'static str, String, bool)>,
    pub(crate) rows: Vec<ThemeRow>,
    pub(crate) bars: BarChart,
    pub(crate) years: Vec<YearCell>,
    pub(crate) trend: Vec<TrendRow>,
    pub(crate) lines: LineChart,
    pub(crate) split_values: Vec<(String, usize, String)>,
    pub(crate) split_rows: Vec<SplitRow>,
    pub(crate) matrix_labels: Vec<String>,
    pub(crate) matrix: Vec<MatrixRow>,
    /// Recommendations made in several of the reviews: (reviews, example words, search link).
    pub(crate) recurrent: Vec<(usize, String, String)>,
}

pub(crate) struct ThemeRow {
    pub(crate) label: String,
    pub(crate) kind: &'static str,
    pub(crate) n_reviews: usize,
    pub(crate) share: String,
    pub(crate) href: String,
}

/// A horizontal bar chart of shares; coordinates in SVG user units.
pub(crate) struct BarChart {
    pub(crate) height: usize,
    pub(crate) bars: Vec<Bar>,
}

pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) y: usize,
    pub(crate) width: f64,
    pub(crate) value: String,
    pub(crate) href: String,
}

pub(crate) struct YearCell {
    pub(crate) year: u16,
    pub(crate) n_reviews: usize,
    pub(crate) href: String,
}

pub(crate) struct TrendRow {
    pub(crate) label: String,
    pub(crate) cells: Vec<(usize, String, String)>,
}

/// A line chart of shares by year.
pub(crate) struct LineChart {
    pub(crate) series: Vec<Series>,
    pub(crate) x_ticks: Vec<(f64, u16)>,
}

pub(crate) struct Series {
    pub(crate) label: String,
    pub(crate) points: String,
    pub(crate) legend_y: usize,
}

pub(crate) struct SplitRow {
    pub(crate) label: String,
    pub(crate) cells: Vec<(usize, String)>,
}

pub(crate) struct MatrixRow {
    pub(crate) label: String,
    pub(crate) cells: Vec<Option<MatrixCell>>,
}

pub(crate) struct MatrixCell {
    pub(crate) n_both: usize,
    pub(crate) lift: String,
    pub(crate) notable: bool,
    /// The search for reviews with both, when the two are in different facet groups (values
    /// of one group are alternatives in a search, so "theme A and theme B" has no link).
    pub(crate) href: Option<String>,
}

/// `params` with each `key=value` of `adds` added, on the first page.
fn with(params: &SearchParams, adds: &[(&str, &str)]) -> SearchParams {
    let mut p = params.clone();
    p.page = None;
    for (key, value) in adds {
        if !p.list(key).iter().any(|v| v == value) {
            p = p.toggled(key, value);
        }
    }
    p
}

/// The search page for `params` with `key=value` added.
fn search_with(params: &SearchParams, adds: &[(&str, &str)]) -> String {
    format!("/?{}", with(params, adds).to_query_string(None))
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn split_label(split: SplitBy, value: &str, labels: &Labels<'_>) -> String {
    match split {
        SplitBy::Type => labels.label(FacetGroup::Type, value),
        SplitBy::Board => labels.boards.get(value).cloned().unwrap_or_else(|| value.to_string()),
        SplitBy::Age => age_label(value).to_string(),
    }
}

impl ThemesPage {
    pub(crate) fn new(
        params: &SearchParams,
        split: SplitBy,
        report: &ThemeReport,
        labels: &Labels<'_>,
    ) -> ThemesPage {
        let label = |path: &str| labels.path_label(path);
        // Every count links to the reviews it counts, with the evidence of each.
        let mut selection = params.clone();
        selection.page = None;
        let counted = CountedLinks::new(&selection);
        let rows: Vec<ThemeRow> = report
            .entries
            .iter()
            .map(|e| {
                let (param, _) = facet_param(&e.path);
                ThemeRow {
                    label: label(&e.path),
                    kind: if param == "risk" { "Risk factor" } else { "Theme" },
                    n_reviews: e.n_reviews,
                    share: percent(e.share),
                    href: counted.href(&[&e.path]),
                }
            })
            .collect();
        let bars = BarChart {
            height: 30 + 24 * rows.len().min(CHART_BARS),
            bars: report
                .entries
                .iter()
                .zip(&rows)
                .take(CHART_BARS)
                .enumerate()
                .map(|(i, (e, row))| Bar {
                    label: row.label.clone(),
                    y: 24 * i,
                    width: (e.share * 360.0).max(1.0),
                    value: format!("{} ({})", row.share, e.n_reviews),
                    href: row.href.clone(),
                })
                .collect(),
        };

        let in_year = |y: u16| {
            let mut p = selection.clone();
            p.year_from = Some(y.to_string());
            p.year_to = Some(y.to_string());
            p
        };
        let years: Vec<YearCell> = report
            .reviews_per_year
            .iter()
            .map(|(&year, &n_reviews)| YearCell {
                year,
                n_reviews,
                href: search_with(&in_year(year), &[]),
            })
            .collect();
        let top = &report.entries[..report.entries.len().min(TREND_SIZE)];
        let counted_in_year: Vec<CountedLinks> =
            years.iter().map(|y| CountedLinks::new(&in_year(y.year))).collect();
        let trend = top
            .iter()
            .map(|e| TrendRow {
                label: label(&e.path),
                cells: years
                    .iter()
                    .zip(&counted_in_year)
                    .map(|(y, counted)| {
                        let n = e.by_year.get(&y.year).copied().unwrap_or(0);
                        let share = percent(n as f64 / y.n_reviews.max(1) as f64);
                        (n, share, counted.href(&[&e.path]))
                    })
                    .collect(),
            })
            .collect();
        let x_of = |i: usize| 40.0 + 520.0 * i as f64 / years.len().saturating_sub(1).max(1) as f64;
        let lines = LineChart {
            x_ticks: years.iter().enumerate().map(|(i, y)| (x_of(i), y.year)).collect(),
            series: top
                .iter()
                .enumerate()
                .map(|(s, e)| Series {
                    label: label(&e.path),
                    points: years
                        .iter()
                        .enumerate()
                        .map(|(i, y)| {
                            let n = e.by_year.get(&y.year).copied().unwrap_or(0);
                            let share = n as f64 / y.n_reviews.max(1) as f64;
                            format!("{:.1},{:.1}", x_of(i), 210.0 - 200.0 * share)
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                    legend_y: 20 + 22 * s,
                })
                .collect(),
        };

        let split_values: Vec<(String, usize, String)> = report
            .split_totals
            .iter()
            .map(|(value, &n)| {
                (
                    split_label(split, value, labels),
                    n,
                    search_with(params, &[(split.as_str(), value)]),
                )
            })
            .collect();
        let counted_in_split: Vec<(&String, CountedLinks)> = report
            .split_totals
            .keys()
            .map(|value| (value, CountedLinks::new(&with(&selection, &[(split.as_str(), value)]))))
            .collect();
        let split_rows = report
            .entries
            .iter()
            .map(|e| SplitRow {
                label: label(&e.path),
                cells: counted_in_split
                    .iter()
                    .map(|(value, counted)| {
                        let n = e.by_split.get(*value).copied().unwrap_or(0);
                        (n, counted.href(&[&e.path]))
                    })
                    .collect(),
            })
            .collect();

        let top = &report.entries[..report.entries.len().min(casebook::themes::MATRIX_SIZE)];
        // Each pair by its two paths in order, looked up once per cell.
        let pairs: std::collections::HashMap<(&String, &String), &casebook::themes::Pair> = report
            .pairs
            .iter()
            .map(|p| (if p.a <= p.b { (&p.a, &p.b) } else { (&p.b, &p.a) }, p))
            .collect();
        let matrix = top
            .iter()
            .map(|a| MatrixRow {
                label: label(&a.path),
                cells: top
                    .iter()
                    .map(|b| {
                        let key =
                            if a.path <= b.path { (&a.path, &b.path) } else { (&b.path, &a.path) };
                        let pair = *pairs.get(&key)?;
                        Some(MatrixCell {
                            n_both: pair.n_both,
                            lift: format!("{:.1}", pair.lift),
                            notable: pair.lift >= NOTABLE_LIFT && pair.n_both >= 2,
                            href: (a.path != b.path).then(|| counted.href(&[&a.path, &b.path])),
                        })
                    })
                    .collect(),
            })
            .collect();

        let mut csv_params = params.clone();
        csv_params.page = None;
        let csv_query = format!("{}&split={}", csv_params.to_query_string(None), split.as_str());
        ThemesPage {
            chrome: Chrome::default(),
            q: params.q.clone(),
            hidden: params.hidden_fields(),
            n_reviews: report.n_reviews,
            chips: filter_chips(params, labels, |p| {
                format!("/themes?{}&split={}", p.to_query_string(None), split.as_str())
            }),
            search_href: format!("/?{}", csv_params.to_query_string(None)),
            csv_query,
            split_name: match split {
                SplitBy::Type => "review type",
                SplitBy::Board => "board",
                SplitBy::Age => "age of subject",
            },
            split_links: [("Review type", "type"), ("Board", "board"), ("Age", "age")]
                .iter()
                .map(|&(name, key)| {
                    let href = format!("/themes?{}&split={key}", csv_params.to_query_string(None));
                    (name, href, key == split.as_str())
                })
                .collect(),
            rows,
            bars,
            years,
            trend,
            lines,
            split_values,
            split_rows,
            matrix_labels: top.iter().map(|e| label(&e.path)).collect(),
            matrix,
            recurrent: report
                .recurrent
                .iter()
                .map(|r| {
                    let href = format!("/?kind=recommendation&recurrence={}", r.group);
                    (r.n_reviews, r.example.clone(), href)
                })
                .collect(),
        }
    }
}

/// One table of the report as rows of cells, the header row first.
pub(crate) fn table_rows(
    table: Table,
    split: SplitBy,
    report: &ThemeReport,
    labels: &Labels<'_>,
) -> Vec<Vec<String>> {
    let label = |path: &str| labels.path_label(path);
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let mut rows = Vec::new();
    match table {
        Table::Themes => {
            rows.push(row(&["path", "label", "reviews", "share", "of_reviews"]));
            for e in &report.entries {
                rows.push(vec![
                    e.path.clone(),
                    label(&e.path),
                    e.n_reviews.to_string(),
                    format!("{:.4}", e.share),
                    report.n_reviews.to_string(),
                ]);
            }
        }
        Table::Trend => {
            rows.push(row(&["path", "label", "year", "reviews", "reviews_that_year"]));
            for e in &report.entries {
                for (year, total) in &report.reviews_per_year {
                    let n = e.by_year.get(year).copied().unwrap_or(0);
                    rows.push(vec![
                        e.path.clone(),
                        label(&e.path),
                        year.to_string(),
                        n.to_string(),
                        total.to_string(),
                    ]);
                }
            }
        }
        Table::Split => {
            rows.push(row(&["path", "label", split.as_str(), "value_label", "reviews"]));
            for e in &report.entries {
                for value in report.split_totals.keys() {
                    let n = e.by_split.get(value).copied().unwrap_or(0);
                    rows.push(vec![
                        e.path.clone(),
                        label(&e.path),
                        value.clone(),
                        split_label(split, value, labels),
                        n.to_string(),
                    ]);
                }
            }
        }
        Table::Pairs => {
            rows.push(row(&["a", "b", "a_label", "b_label", "reviews_with_both", "lift"]));
            for p in &report.pairs {
                rows.push(vec![
                    p.a.clone(),
                    p.b.clone(),
                    label(&p.a),
                    label(&p.b),
                    p.n_both.to_string(),
                    format!("{:.3}", p.lift),
                ]);
            }
        }
        Table::Recurrent => {
            rows.push(row(&["group", "reviews", "example"]));
            for r in &report.recurrent {
                rows.push(vec![r.group.clone(), r.n_reviews.to_string(), r.example.clone()]);
            }
        }
    }
    rows
}

/// One table of the report as CSV, with a header row.
pub(crate) fn csv_table(
    table: Table,
    split: SplitBy,
    report: &ThemeReport,
    labels: &Labels<'_>,
) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in table_rows(table, split, report, labels) {
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
