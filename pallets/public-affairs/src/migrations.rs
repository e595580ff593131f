//! Storage migrations, one module per storage version reached (none yet: the pallet is at
//! version 0, its first layout). A change to a stored type or key bumps
//! [`crate::STORAGE_VERSION`] and adds a `VersionedMigration` here, which the runtime lists in
//! its `Migrations` for the upgrade that brings the change: see pallet-volunteer-credits'
//! `migrations::v1` for the pattern, with its `pre_upgrade`/`post_upgrade` checks.
