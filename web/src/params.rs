//! Search parameters as they arrive in a URL, and their conversion to a core request.
//!
//! The query string is parsed by hand rather than with serde so that repeated keys
//! (`?theme=a&theme=b`) are kept, bytes that are not UTF-8 never fail a request, and a bad
//! value is reported with the name of its parameter.

use casebook::{Filters, MAX_PER_PAGE, MAX_UNITS_PER_PAGE, SearchRequest, Sort, UnitKind};

use crate::error::AppError;

/// The longest query accepted, in bytes.
pub(crate) const MAX_QUERY_BYTES: usize = 1000;
/// The most values accepted for all facet parameters together.
pub(crate) const MAX_FACET_VALUES: usize = 50;

/// Search parameters, as strings, exactly as given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SearchParams {
    pub(crate) q: String,
    pub(crate) themes: Vec<String>,
    pub(crate) risks: Vec<String>,
    pub(crate) agencies: Vec<String>,
    pub(crate) types: Vec<String>,
    pub(crate) boards: Vec<String>,
    pub(crate) ages: Vec<String>,
    pub(crate) recurrence: Vec<String>,
    pub(crate) year_from: Option<String>,
    pub(crate) year_to: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) sort: Option<String>,
    pub(crate) page: Option<String>,
    pub(crate) per_page: Option<String>,
    /// `review` to group units by review, `none` for a flat list of units.
    pub(crate) group: Option<String>,
}

impl SearchParams {
    /// Reads the parameters of a raw query string; unknown keys are ignored.
    pub(crate) fn parse(raw: Option<&str>) -> SearchParams {
        let mut params = SearchParams::default();
        let Some(raw) = raw else { return params };
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let value = value.into_owned();
            let non_empty = || Some(value.clone()).filter(|v| !v.trim().is_empty());
            match key.as_ref() {
                "q" => params.q = value,
                "theme" => params.themes.push(value),
                "risk" => params.risks.push(value),
                "agency" => params.agencies.push(value),
                "type" => params.types.push(value),
                "board" => params.boards.push(value),
                "age" => params.ages.push(value),
                "recurrence" => params.recurrence.push(value),
                "year_from" => params.year_from = non_empty(),
                "year_to" => params.year_to = non_empty(),
                "kind" => params.kind = non_empty(),
                "sort" => params.sort = non_empty(),
                "page" => params.page = non_empty(),
                "per_page" => params.per_page = non_empty(),
                "group" => params.group = non_empty(),
                _ => {}
            }
        }
        params
    }

    /// Validates the parameters and makes the core request.
    pub(crate) fn to_request(&self, default_per_page: usize) -> Result<SearchRequest, AppError> {
        if self.q.len() > MAX_QUERY_BYTES {
            return Err(AppError::bad("q", format!("longer than {MAX_QUERY_BYTES} bytes")));
        }
        let n_facets = self.themes.len()
            + self.risks.len()
            + self.agencies.len()
            + self.types.len()
            + self.boards.len()
            + self.ages.len()
            + self.recurrence.len();
        if n_facets > MAX_FACET_VALUES {
            return Err(AppError::bad(
                "theme",
                format!("more than {MAX_FACET_VALUES} filter values"),
            ));
        }
        let year = |name: &'static str, value: &Option<String>| -> Result<Option<u16>, AppError> {
            value
                .as_deref()
                .map(|v| {
                    v.trim()
                        .parse::<u16>()
                        .ok()
                        .filter(|y| (1900..=2100).contains(y))
                        .ok_or_else(|| AppError::bad(name, format!("{v:?} is not a year")))
                })
                .transpose()
        };
        let number =
            |name: &'static str, value: &Option<String>, default: usize, max: usize| match value
                .as_deref()
            {
                None => Ok(default),
                Some(v) => {
                    v.trim().parse::<usize>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(
                        || AppError::bad(name, format!("{v:?} is not a number from 1 to {max}")),
                    )
                }
            };
        let kinds = match self.kind.as_deref() {
            None | Some("all") => Vec::new(),
            Some(kind) => vec![UnitKind::parse(kind).map_err(AppError::from)?],
        };
        // Findings and recommendations are listed one by one unless grouping is asked for.
        let group_by_review = match self.group.as_deref() {
            Some("review") => true,
            Some("none") => false,
            Some(other) => {
                return Err(AppError::bad("group", format!("{other:?} is not review or none")));
            }
            None => {
                !kinds.iter().any(|k| matches!(k, UnitKind::Finding | UnitKind::Recommendation))
            }
        };
        let max_per_page = if group_by_review { MAX_PER_PAGE } else { MAX_UNITS_PER_PAGE };
        Ok(SearchRequest {
            query: self.q.clone(),
            filters: Filters {
                themes: self.themes.clone(),
                risks: self.risks.clone(),
                agencies: self.agencies.clone(),
                types: self.types.clone(),
                boards: self.boards.clone(),
                age_bands: self.ages.clone(),
                recurrence: self.recurrence.clone(),
                year_from: year("year_from", &self.year_from)?,
                year_to: year("year_to", &self.year_to)?,
                added_since: None,
            },
            kinds,
            sort: Sort::parse(self.sort.as_deref().unwrap_or("")).map_err(AppError::from)?,
            page: number("page", &self.page, 1, 10_000)?,
            per_page: number("per_page", &self.per_page, default_per_page, max_per_page)?,
            group_by_review,
        })
    }

    /// The values of a list parameter (`theme`, `risk`, `agency`, `type`, `board`, `age`).
    pub(crate) fn list(&self, key: &str) -> &[String] {
        match key {
            "theme" => &self.themes,
            "risk" => &self.risks,
            "agency" => &self.agencies,
            "type" => &self.types,
            "board" => &self.boards,
            "age" => &self.ages,
            "recurrence" => &self.recurrence,
            _ => &[],
        }
    }

    fn list_mut(&mut self, key: &str) -> Option<&mut Vec<String>> {
        match key {
            "theme" => Some(&mut self.themes),
            "risk" => Some(&mut self.risks),
            "agency" => Some(&mut self.agencies),
            "type" => Some(&mut self.types),
            "board" => Some(&mut self.boards),
            "age" => Some(&mut self.ages),
            "recurrence" => Some(&mut self.recurrence),
            _ => None,
        }
    }

    /// These parameters with `value` added to or removed from the list `key`, back on page 1.
    pub(crate) fn toggled(&self, key: &str, value: &str) -> SearchParams {
        let mut out = self.clone();
        out.page = None;
        if let Some(list) = out.list_mut(key) {
            if let Some(pos) = list.iter().position(|v| v == value) {
                list.remove(pos);
            } else {
                list.push(value.to_string());
            }
        }
        out
    }

    /// Sets a single-valued parameter (`sort`, `kind`), back on page 1.
    pub(crate) fn set(&mut self, key: &str, value: &str) {
        self.page = None;
        let value = Some(value.to_string());
        match key {
            "sort" => self.sort = value,
            "kind" => self.kind = value.filter(|v| v != "all"),
            _ => {}
        }
    }

    /// The parameters a form must carry along as hidden fields when it changes only the query,
    /// facets and years: order, kind and page size.
    pub(crate) fn hidden_fields(&self) -> Vec<(String, String)> {
        [
            ("sort", &self.sort),
            ("kind", &self.kind),
            ("per_page", &self.per_page),
            ("group", &self.group),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
        .collect()
    }

    /// The query string of these parameters, with `page` replaced (or dropped when `None`).
    pub(crate) fn to_query_string(&self, page: Option<usize>) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        let lists = [
            ("theme", &self.themes),
            ("risk", &self.risks),
            ("agency", &self.agencies),
            ("type", &self.types),
            ("board", &self.boards),
            ("age", &self.ages),
            ("recurrence", &self.recurrence),
        ];
        for (key, values) in lists {
            for value in values {
                out.append_pair(key, value);
            }
        }
        let singles = [
            ("year_from", &self.year_from),
            ("year_to", &self.year_to),
            ("kind", &self.kind),
            ("sort", &self.sort),
            ("per_page", &self.per_page),
            ("group", &self.group),
        ];
        for (key, value) in singles {
            if let Some(value) = value {
                out.append_pair(key, value);
            }
        }
        if let Some(page) = page.filter(|p| *p > 1) {
            out.append_pair("page", &page.to_string());
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_all_kept() {
        let p = SearchParams::parse(Some("q=neglect&theme=a&theme=b&risk=c"));
        assert_eq!(p.themes, ["a", "b"]);
        assert_eq!(p.risks, ["c"]);
        assert_eq!(SearchParams::parse(Some(&p.to_query_string(None))), p);
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let p = SearchParams::parse(Some("page=abc"));
        assert!(p.to_request(10).unwrap_err().to_string().contains("page"));
        let p = SearchParams::parse(Some("year_from=20x6"));
        assert!(p.to_request(10).unwrap_err().to_string().contains("year_from"));
    }

    #[test]
    fn invalid_utf8_is_read_lossily() {
        let p = SearchParams::parse(Some("q=%FF%FEneglect"));
        assert!(p.q.ends_with("neglect"));
    }
}
