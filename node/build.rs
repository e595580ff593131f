use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	// The version string that `--version` and RPC `system_version` report includes the commit.
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
