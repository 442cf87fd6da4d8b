//! `wegwijs`: one binary, subcommands for serving, migrating, demo data, administration and benchmarks.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = wegwijs::cli::Cli::parse();
    wegwijs::logging::init(cli.log_json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("Kan de runtime niet starten: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(wegwijs::commands::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fout: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
