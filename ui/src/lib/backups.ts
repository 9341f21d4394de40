// The daily backups' names, as the core writes them (src/store/backup.rs): podium-YYYY-MM-DD.db.

/** `…/backups/podium-2027-01-03.db` → `2027-01-03`; another name as it is. */
export function backupDate(path: string): string {
  return /podium-(\d{4}-\d{2}-\d{2})\.db$/.exec(path)?.[1] ?? path;
}
