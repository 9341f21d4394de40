//! Who may drive the prompter: a short pairing code shown on the operator's screen, and the
//! devices that typed it. Plain data over the times it is given (no clock of its own).
//!
//! - The code has [`CODE_DIGITS`] digits, lives [`CODE_LIFETIME`], is good for one device and
//!   for [`GUESSES_PER_CODE`] wrong guesses: then a new one replaces it (a million codes, five
//!   guesses each: a guesser's chance is 1 in 200,000 per code shown, and the operator sees the
//!   code change and the count of wrong ones).
//! - A paired device gets a random token of 256 bits; only its SHA-256 is kept, in memory, and
//!   never written anywhere. Revoking a device forgets its hash.

use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

pub const CODE_DIGITS: usize = 6;
pub const CODE_LIFETIME: Duration = Duration::from_secs(5 * 60);
pub const GUESSES_PER_CODE: u32 = 5;
/// Paired devices at most (an office has a tablet or two).
pub const MOST_DEVICES: usize = 8;

pub type DeviceId = u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: DeviceId,
    pub name: String,
    pub paired_at: time::OffsetDateTime,
    token_hash: [u8; 32],
}

/// Why a pairing was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not the code shown (or it had expired).
    WrongCode,
    /// [`MOST_DEVICES`] are paired already.
    TooManyDevices,
}

#[derive(Debug)]
pub struct Pairing {
    code: String,
    issued: Instant,
    wrong_for_code: u32,
    wrong: u32,
    devices: Vec<Device>,
    next_id: DeviceId,
}

impl Pairing {
    pub fn new(now: Instant) -> Self {
        Pairing {
            code: new_code(),
            issued: now,
            wrong_for_code: 0,
            wrong: 0,
            devices: Vec::new(),
            next_id: 1,
        }
    }

    /// The code to show now and how long it has left (a new one once it expired).
    pub fn code(&mut self, now: Instant) -> (&str, Duration) {
        if self.expired(now) {
            self.renew(now);
        }
        let left = CODE_LIFETIME.saturating_sub(now.duration_since(self.issued));
        (&self.code, left)
    }

    /// Wrong codes typed since the start.
    pub fn wrong(&self) -> u32 {
        self.wrong
    }

    /// A device typed `guess`: paired (its id and token) when it is the code shown.
    pub fn pair(
        &mut self,
        now: Instant,
        at: time::OffsetDateTime,
        guess: &str,
        name: &str,
    ) -> Result<(DeviceId, String), Refused> {
        if self.expired(now) {
            self.renew(now);
        }
        if !same(guess.trim().as_bytes(), self.code.as_bytes()) {
            self.wrong += 1;
            self.wrong_for_code += 1;
            if self.wrong_for_code >= GUESSES_PER_CODE {
                self.renew(now);
            }
            return Err(Refused::WrongCode);
        }
        if self.devices.len() >= MOST_DEVICES {
            return Err(Refused::TooManyDevices);
        }
        // Single use.
        self.renew(now);
        let token = hex(&random::<32>());
        let id = self.next_id;
        self.next_id += 1;
        self.devices.push(Device {
            id,
            name: name.to_owned(),
            paired_at: at,
            token_hash: hash(&token),
        });
        Ok((id, token))
    }

    /// The paired device a token is of.
    pub fn device(&self, token: &str) -> Option<&Device> {
        let wanted = hash(token);
        self.devices
            .iter()
            .find(|device| same(&device.token_hash, &wanted))
    }

    pub fn is_paired(&self, id: DeviceId) -> bool {
        self.devices.iter().any(|device| device.id == id)
    }

    /// Forgets a device (its token is worth nothing from now on); false when none had the id.
    pub fn revoke(&mut self, id: DeviceId) -> bool {
        let before = self.devices.len();
        self.devices.retain(|device| device.id != id);
        self.devices.len() != before
    }

    pub fn devices(&self) -> &[Device] {
        &self.devices
    }

    fn expired(&self, now: Instant) -> bool {
        now.duration_since(self.issued) >= CODE_LIFETIME
    }

    fn renew(&mut self, now: Instant) {
        self.code = new_code();
        self.issued = now;
        self.wrong_for_code = 0;
    }
}

/// What a browser says it is, from its User-Agent: a word for the operator's list, never the
/// header itself.
pub fn device_name(user_agent: &str) -> &'static str {
    const KNOWN: [(&str, &str); 7] = [
        ("iPad", "iPad"),
        ("iPhone", "iPhone"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Macintosh", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ];
    KNOWN
        .iter()
        .find(|(needle, _)| user_agent.contains(needle))
        .map_or("", |(_, name)| name)
}

fn new_code() -> String {
    // Uniform over 0..10^6: 32 random bits rejected above the largest multiple of 10^6.
    const SPAN: u32 = 1_000_000;
    let limit = u32::MAX - u32::MAX % SPAN;
    loop {
        let value = u32::from_le_bytes(random::<4>());
        if value < limit {
            return format!("{:0width$}", value % SPAN, width = CODE_DIGITS);
        }
    }
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS's generator; a machine without one cannot pair anything safely.
    getrandom::fill(&mut bytes).expect("the operating system's random number generator");
    bytes
}

fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Equal, in a time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const AT: time::OffsetDateTime = datetime!(2027-01-04 9:00 UTC);

    fn wrong_guess(code: &str) -> String {
        let first = if code.starts_with('0') { '1' } else { '0' };
        format!("{first}{}", &code[1..])
    }

    #[test]
    fn the_code_shown_pairs_one_device_once() {
        let now = Instant::now();
        let mut pairing = Pairing::new(now);
        let code = pairing.code(now).0.to_owned();
        assert_eq!(code.len(), CODE_DIGITS);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let (id, token) = pairing.pair(now, AT, &code, "iPhone").unwrap();
        assert_eq!(token.len(), 64);
        assert_eq!(pairing.device(&token).map(|d| d.id), Some(id));
        // Single use: the same code again pairs nothing (a new one is shown).
        assert_ne!(pairing.code(now).0, code);
        assert_eq!(
            pairing.pair(now, AT, &code, "iPhone"),
            Err(Refused::WrongCode)
        );
        assert_eq!(pairing.devices().len(), 1);
    }

    #[test]
    fn only_the_hash_of_a_token_is_kept() {
        let now = Instant::now();
        let mut pairing = Pairing::new(now);
        let code = pairing.code(now).0.to_owned();
        let (_, token) = pairing.pair(now, AT, &code, "").unwrap();
        let kept = format!("{pairing:?}");
        assert!(!kept.contains(&token), "the token itself is kept: {kept}");
        assert!(pairing.device("not a token").is_none());
    }

    #[test]
    fn five_wrong_guesses_replace_the_code() {
        let now = Instant::now();
        let mut pairing = Pairing::new(now);
        let code = pairing.code(now).0.to_owned();
        for _ in 0..GUESSES_PER_CODE {
            assert_eq!(pairing.code(now).0, code);
            let guess = wrong_guess(&code);
            assert_eq!(pairing.pair(now, AT, &guess, ""), Err(Refused::WrongCode));
        }
        assert_ne!(
            pairing.code(now).0,
            code,
            "the guessed-at code is still shown"
        );
        assert_eq!(pairing.wrong(), GUESSES_PER_CODE);
        assert_eq!(pairing.pair(now, AT, &code, ""), Err(Refused::WrongCode));
    }

    #[test]
    fn a_code_expires() {
        let now = Instant::now();
        let mut pairing = Pairing::new(now);
        let code = pairing.code(now).0.to_owned();
        let (_, left) = pairing.code(now + Duration::from_secs(60));
        assert_eq!(left, CODE_LIFETIME - Duration::from_secs(60));
        let later = now + CODE_LIFETIME;
        assert_eq!(pairing.pair(later, AT, &code, ""), Err(Refused::WrongCode));
    }

    #[test]
    fn a_revoked_token_is_worth_nothing() {
        let now = Instant::now();
        let mut pairing = Pairing::new(now);
        let code = pairing.code(now).0.to_owned();
        let (first, token) = pairing.pair(now, AT, &code, "iPad").unwrap();
        let code = pairing.code(now).0.to_owned();
        let (second, other) = pairing.pair(now, AT, &code, "Android").unwrap();
        assert!(pairing.revoke(first));
        assert!(!pairing.revoke(first));
        assert!(pairing.device(&token).is_none());
        assert!(!pairing.is_paired(first));
        assert_eq!(pairing.device(&other).map(|d| d.id), Some(second));
    }

    #[test]
    fn at_most_a_handful_of_devices() {
        let now = Instant::now();
        let mut pairing = Pairing::new(now);
        for _ in 0..MOST_DEVICES {
            let code = pairing.code(now).0.to_owned();
            pairing.pair(now, AT, &code, "").unwrap();
        }
        let code = pairing.code(now).0.to_owned();
        assert_eq!(
            pairing.pair(now, AT, &code, ""),
            Err(Refused::TooManyDevices)
        );
    }

    #[test]
    fn devices_are_named_by_kind_only() {
        assert_eq!(
            device_name("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"),
            "iPhone"
        );
        assert_eq!(
            device_name("Mozilla/5.0 (Linux; Android 14; Pixel 8)"),
            "Android"
        );
        assert_eq!(device_name("<script>"), "");
    }
}
