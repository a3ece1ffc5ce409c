const usage = `Usage: txng [command]
  start [--workers N] start the server (default); N processes on PostgreSQL (TXNG_WORKERS, default: the cores)
  gs1 parse [--lenient]
                      read Digital Link URIs, element strings or scanner data on stdin, one per line;
                      write one JSON object per line (valid as the GS1 Syntax Engine says by default;
                      --lenient also accepts zero-suppressed GTINs, /gtin/-style alphas, a trailing slash)
  gs1 check [--lenient] <key>
                      validate one GS1 key (GTIN, GLN, SSCC, …) and its check digit, or a Digital Link URI
  create-admin <email> <name>
                      create a department administrator (the first account of a deployment started with
                      TXNG_DEMO=0); the password is read from TXNG_ADMIN_PASSWORD, or generated and printed once
  hub add-node <province code> <resolver base URL> <name>
                      register a province node on a hub (TXNG_MODE=hub); its key is printed once
  export-package <file.zip> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                      write the package for a manual upload to the national portal: the period's events as
                      EPCIS 2.0 JSON-LD, the approved organisations, locations, products and lots as CSV and XLSX
  sync queue-all      queue for each configured receiver (hub, national portal) every approved record and
                      captured event it has not had yet, e.g. those approved before sync was turned on
  partitions [list | maintain | detach --before YYYY-MM]
                      the monthly partitions of events and scans: list them, make this month and the next
                      ones now, or detach the months before one for archive (docs/operations.md)
  backup <file.tar.gz>
                      copy the embedded database (TXNG_DATA_DIR) into one file and check it opens; the
                      server must be stopped. With DATABASE_URL: use pg_dump (docs/operations.md)
  restore <file.tar.gz> [--force]
                      load such a file into an empty TXNG_DATA_DIR (--force moves the folder in place aside)
  verify <proof.json> [--key <public-key.pem>]
                      check a proof of a record or event offline (Merkle path, signed checkpoint)
  verify --chain      recompute the whole audit chain, its checkpoints and the captured events; name the first break
  checkpoint          sign a checkpoint now over the audit records since the last one`;

async function main(args: string[]) {
  const [command = 'start', ...rest] = args;
  switch (command) {
    case 'start': {
      const { startServer, workersOption } = await import('./server.ts');
      await startServer(undefined, { workers: workersOption(rest) });
      return;
    }
    case 'gs1': {
      const { runGs1Command } = await import('./gs1/index.ts');
      process.exitCode = await runGs1Command(rest, process.stdin, process.stdout);
      return;
    }
    case 'create-admin': {
      const { runCreateAdmin } = await import('./accounts/index.ts');
      const { loadConfig } = await import('./platform/index.ts');
      process.exitCode = await runCreateAdmin(rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'hub': {
      const { runHubCommand } = await import('./hub/index.ts');
      const { loadConfig } = await import('./platform/index.ts');
      process.exitCode = await runHubCommand(rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'export-package': {
      const { runExportPackage } = await import('./sync/index.ts');
      const { loadConfig } = await import('./platform/index.ts');
      process.exitCode = await runExportPackage(rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'sync': {
      const { runSyncCommand } = await import('./sync/index.ts');
      const { loadConfig } = await import('./platform/index.ts');
      process.exitCode = await runSyncCommand(rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'partitions': {
      const { loadConfig, runPartitionsCommand } = await import('./platform/index.ts');
      process.exitCode = await runPartitionsCommand(rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'backup':
    case 'restore': {
      const { loadConfig, runBackupCommand } = await import('./platform/index.ts');
      process.exitCode = await runBackupCommand(command, rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'verify': {
      const { runVerifyCommand } = await import('./proofs/index.ts');
      const { loadConfig } = await import('./platform/index.ts');
      process.exitCode = await runVerifyCommand(rest, () => loadConfig(process.env), process.stdout);
      return;
    }
    case 'checkpoint': {
      const { runCheckpointCommand } = await import('./proofs/index.ts');
      const { loadConfig } = await import('./platform/index.ts');
      process.exitCode = await runCheckpointCommand(rest, loadConfig(process.env), process.stdout);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      console.error(`Unknown command "${command}".\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
