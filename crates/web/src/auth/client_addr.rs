//! The client's address, for per-address sign-in throttling. Behind a trusted proxy (setting
//! `trust_proxy`) the right-most `X-Forwarded-For` entry is used: that is the one our proxy appended.
//! Everything to its left was written by the client and can be anything, so using it would let one
//! client rotate through fake addresses and escape the per-address throttle. Without `trust_proxy`, or
//! when the right-most entry is not an IP address, the socket's peer address counts.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::state::AppState;

pub struct ClientAddr(pub String);

/// The address our proxy appended: the last entry of the last `X-Forwarded-For` header (a proxy that
/// finds the header appends to it; one that adds a second header line adds it at the end).
pub fn forwarded_by_proxy(headers: &HeaderMap) -> Option<IpAddr> {
    let last_header = headers.get_all("x-forwarded-for").iter().next_back()?;
    let last_hop = last_header.to_str().ok()?.rsplit(',').next()?.trim();
    last_hop.parse().ok()
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.config.trust_proxy
            && let Some(ip) = forwarded_by_proxy(&parts.headers)
        {
            return Ok(ClientAddr(ip.to_string()));
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        Ok(ClientAddr(peer.unwrap_or_else(|| "onbekend".into())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(values: &[&'static str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_right_most_hop_counts_not_what_the_client_wrote() {
        let ip = |s: &str| s.parse::<IpAddr>().ok();
        assert_eq!(
            forwarded_by_proxy(&headers(&["1.2.3.4, 203.0.113.7"])),
            ip("203.0.113.7")
        );
        assert_eq!(
            forwarded_by_proxy(&headers(&["1.2.3.4", "203.0.113.7"])),
            ip("203.0.113.7")
        );
        assert_eq!(
            forwarded_by_proxy(&headers(&["2001:db8::1"])),
            ip("2001:db8::1")
        );
        assert_eq!(forwarded_by_proxy(&headers(&["203.0.113.7, zomaar"])), None);
        assert_eq!(forwarded_by_proxy(&headers(&[])), None);
    }
}
