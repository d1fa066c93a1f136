/**
 * The kinds of a `deleted-backup-gone` finding (see Finding.kind). A profile may excuse the first,
 * a backup whose delete has not shown yet; never the second, a backup that returned.
 */
export const deletedBackupKinds = {
  /** A deleted backup still seen by an endpoint that has not yet shown it gone. */
  visibleAfterDelete: 'visible-after-delete',
  /** A deleted backup seen again by an endpoint that had already shown it gone. */
  backAfterSeenGone: 'back-after-seen-gone',
} as const;
