/**
 * What the stateful suite has learnt about waiting on this server, shared by all its runs. Once one
 * backup has not settled within --settle-timeout, waiting the same again for every later backup
 * would only multiply that timeout by the number of runs (and shrink attempts): later awaits look
 * once instead.
 */
export class Patience {
  settleStalled = false;
}
