//! Which hosts and addresses a fetch may connect to.
//!
//! Two rules, both applied before any connection is made:
//! - **hosts**: a request goes only to the host of the source it was made for, or to a host
//!   the user allowed (`--allow-host HOST[:PORT]`);
//! - **addresses**: a host name is resolved here, and a loopback, private, link-local, shared,
//!   multicast, reserved or unspecified address is refused unless the host was named with
//!   `--allow-host`. The connection is then made to the checked addresses only, so a listing
//!   page (or a DNS answer) cannot point Casebook at its own network.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// A host the user allows, with or without a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowedHost {
    /// Lower-cased host name or address (IPv6 without brackets).
    pub host: String,
    /// The one port allowed; `None` for any.
    pub port: Option<u16>,
}

impl AllowedHost {
    /// Reads `HOST`, `HOST:PORT`, `[IPV6]` or `[IPV6]:PORT`.
    pub fn parse(s: &str) -> Result<AllowedHost, String> {
        let s = s.trim();
        let bad = || format!("{s:?} is not a host, host:port or [ipv6]:port");
        let (host, port) = if let Some(rest) = s.strip_prefix('[') {
            let (host, after) = rest.split_once(']').ok_or_else(bad)?;
            let port = match after {
                "" => None,
                p => Some(p.strip_prefix(':').ok_or_else(bad)?),
            };
            (host, port)
        } else if s.matches(':').count() > 1 {
            (s, None) // a bare IPv6 address
        } else {
            match s.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (s, None),
            }
        };
        let port = match port {
            Some(p) => Some(p.parse::<u16>().map_err(|_| bad())?),
            None => None,
        };
        let valid = !host.is_empty()
            && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
        if !valid {
            return Err(bad());
        }
        Ok(AllowedHost { host: host.to_ascii_lowercase(), port })
    }

    fn matches(&self, host: &str, port: u16) -> bool {
        self.host == host && self.port.is_none_or(|p| p == port)
    }
}

impl std::fmt::Display for AllowedHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host =
            if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        match self.port {
            Some(port) => write!(f, "{host}:{port}"),
            None => f.write_str(&host),
        }
    }
}

/// The hosts named with `--allow-host`.
#[derive(Clone, Debug, Default)]
pub struct AllowedHosts(pub Vec<AllowedHost>);

impl AllowedHosts {
    /// Whether `host:port` was named by the user.
    pub fn allows(&self, host: &str, port: u16) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        self.0.iter().any(|a| a.matches(&host, port))
    }

    /// Whether a host name was named by the user with any port: its addresses may then be
    /// private (the port is checked on the URL, before resolving).
    fn names(&self, host: &str) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        self.0.iter().any(|a| a.host == host)
    }
}

/// Why an address is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{host} resolves to {addr}, {kind} address (allow it with --allow-host {host})")]
pub struct AddressRefused {
    /// The host name as requested.
    pub host: String,
    /// The address it resolved to.
    pub addr: IpAddr,
    /// "a loopback", "a private", …
    pub kind: &'static str,
}

/// The kind of a non-public address ("a loopback", "a private", …), `None` for an address
/// on the public internet.
pub fn non_public(addr: IpAddr) -> Option<&'static str> {
    match addr {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => non_public_v6(v6),
    }
}

fn non_public_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match () {
        _ if ip.is_unspecified() || a == 0 => "an unspecified",
        _ if ip.is_loopback() => "a loopback",
        _ if ip.is_private() => "a private",
        _ if ip.is_link_local() => "a link-local",
        _ if a == 100 && (64..128).contains(&b) => "a shared (carrier-grade NAT)",
        _ if a == 192 && b == 0 && c == 0 => "a protocol-assignment",
        _ if ip.is_documentation() => "a documentation",
        _ if a == 198 && (18..20).contains(&b) => "a benchmarking",
        _ if ip.is_multicast() => "a multicast",
        _ if a >= 240 => "a reserved",
        _ => return None,
    })
}

fn non_public_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return non_public_v4(v4);
    }
    let segments = ip.segments();
    Some(match segments[0] {
        _ if ip.is_unspecified() => "an unspecified",
        _ if ip.is_loopback() => "a loopback",
        s if s & 0xfe00 == 0xfc00 => "a private (unique local)",
        s if s & 0xffc0 == 0xfe80 => "a link-local",
        s if s & 0xffc0 == 0xfec0 => "a site-local",
        s if s & 0xff00 == 0xff00 => "a multicast",
        0x2001 if segments[1] == 0x0db8 => "a documentation",
        // NAT64 (64:ff9b::/96) carries an IPv4 address; so does 6to4 (2002::/16).
        0x0064 if segments[1] == 0xff9b => {
            let [_, _, _, _, _, _, hi, lo] = segments;
            return non_public_v4(Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo)));
        }
        0x2002 => {
            return non_public_v4(Ipv4Addr::from(
                (u32::from(segments[1]) << 16) | u32::from(segments[2]),
            ));
        }
        // The rest of ::/8 (IPv4-compatible and other reserved forms).
        0 => "a reserved",
        _ => return None,
    })
}

/// Checks the addresses `host` resolved to: any address when `host` was allowed by the user,
/// else public ones only. The answer is what may be connected to.
pub fn check_addresses(
    host: &str,
    addrs: impl IntoIterator<Item = SocketAddr>,
    allowed: &AllowedHosts,
) -> Result<Vec<SocketAddr>, AddressRefused> {
    let trusted = allowed.names(host);
    let mut out = Vec::new();
    let mut refused: Option<AddressRefused> = None;
    for addr in addrs {
        match non_public(addr.ip()) {
            Some(kind) if !trusted => {
                refused.get_or_insert(AddressRefused {
                    host: host.to_string(),
                    addr: addr.ip(),
                    kind,
                });
            }
            _ => out.push(addr),
        }
    }
    // A name with a private address among public ones is refused too: which one a connection
    // would use is the resolver's choice, and boards' sites have no such names.
    match refused {
        Some(refused) => Err(refused),
        None => Ok(out),
    }
}

/// Resolves `host:port` with the system resolver and checks the answer
/// ([`check_addresses`]). An address literal is checked without a lookup.
pub fn resolve_checked(
    host: &str,
    port: u16,
    allowed: &AllowedHosts,
) -> Result<Vec<SocketAddr>, ResolveError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => (bare, port)
            .to_socket_addrs()
            .map_err(|err| ResolveError::Lookup {
                host: bare.to_string(),
                reason: err.to_string(),
            })?
            .collect(),
    };
    if addrs.is_empty() {
        return Err(ResolveError::Lookup { host: bare.to_string(), reason: "no address".into() });
    }
    check_addresses(bare, addrs, allowed).map_err(ResolveError::Refused)
}

/// A host that cannot be connected to.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// The name has no address.
    #[error("{host} cannot be resolved: {reason}")]
    Lookup {
        /// The host name.
        host: String,
        /// What the resolver said.
        reason: String,
    },
    /// An address is not a public one.
    #[error(transparent)]
    Refused(AddressRefused),
}

/// The resolver of every connection: the system's, with its answer checked by
/// [`check_addresses`], so that the connection is made to a checked address only.
#[derive(Debug)]
pub(super) struct CheckedResolver {
    pub(super) allowed: AllowedHosts,
    pub(super) inner: DefaultResolver,
}

impl Resolver for CheckedResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
        let checked = check_addresses(host, resolved.iter().copied(), &self.allowed)
            .map_err(|refused| ureq::Error::Other(Box::new(refused)))?;
        let mut out = self.empty();
        for addr in checked {
            out.push(addr);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(ip: &str) -> bool {
        non_public(ip.parse().unwrap()).is_some()
    }

    #[test]
    fn private_and_special_addresses_are_refused() {
        for ip in [
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "127.0.0.1",
            "127.0.0.2",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "::ffff:127.0.0.1",
            "64:ff9b::a00:1",
            "2002:c0a8:101::1",
        ] {
            assert!(refused(ip), "{ip} must be refused");
        }
        for ip in ["81.2.69.160", "151.101.0.81", "2a04:4e42::81", "172.32.0.1", "100.128.0.1"] {
            assert!(!refused(ip), "{ip} is public");
        }
    }

    #[test]
    fn a_name_that_resolves_to_loopback_is_refused_unless_allowed() {
        let none = AllowedHosts::default();
        let err = resolve_checked("localhost", 80, &none).unwrap_err();
        assert!(matches!(err, ResolveError::Refused(AddressRefused { kind: "a loopback", .. })));
        assert!(err.to_string().contains("--allow-host localhost"), "{err}");
        let allowed = AllowedHosts(vec![AllowedHost::parse("localhost:8080").unwrap()]);
        assert!(!resolve_checked("localhost", 8080, &allowed).unwrap().is_empty());
        for literal in ["10.0.0.1", "[::1]", "fd00::1", "0.0.0.0", "169.254.169.254"] {
            assert!(resolve_checked(literal, 80, &none).is_err(), "{literal}");
        }
    }

    #[test]
    fn allowed_hosts_parse_with_and_without_ports() {
        let a = AllowedHost::parse("127.0.0.1:8080").unwrap();
        assert_eq!((a.host.as_str(), a.port), ("127.0.0.1", Some(8080)));
        let a = AllowedHost::parse("Intranet.Local").unwrap();
        assert_eq!((a.host.as_str(), a.port), ("intranet.local", None));
        let a = AllowedHost::parse("[::1]:9000").unwrap();
        assert_eq!((a.host.as_str(), a.port), ("::1", Some(9000)));
        assert_eq!(a.to_string(), "[::1]:9000");
        for bad in ["", "host:port", "a b", "http://x/", "[::1"] {
            assert!(AllowedHost::parse(bad).is_err(), "{bad:?}");
        }
        let hosts = AllowedHosts(vec![AllowedHost::parse("127.0.0.1:8080").unwrap()]);
        assert!(hosts.allows("127.0.0.1", 8080));
        assert!(!hosts.allows("127.0.0.1", 8081));
    }
}
