/** What the sidebar's highlight needs of an entry: its path and the screens it stands for. */
export interface NavTarget {
  path: string;
  /** Further path prefixes that highlight this entry (screens reached from it, outside the menu). */
  alsoFor?: readonly string[];
}

/** Whether `pathname` is `prefix` itself or a screen below it (/finance is not /financeX). */
function under(pathname: string, prefix: string): boolean {
  return prefix === '/'
    ? pathname === '/'
    : pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * The sidebar entry to highlight for a location. Home only on "/" itself: pages outside the menu
 * (My account) highlight nothing. The longest matching prefix wins, whether it is an entry's own
 * path or one it stands for: /approvals/decided is 已处理, not 待我审批, and /finance/lines is
 * 费用统计 (its figures open the lines), not 报帐审核 whose path merely prefixes it.
 */
export function selectedNavPath(nav: readonly NavTarget[], pathname: string): string | undefined {
  let best: { path: string; length: number } | undefined;
  for (const n of nav) {
    for (const prefix of [n.path, ...(n.alsoFor ?? [])]) {
      if (under(pathname, prefix) && (!best || prefix.length > best.length)) {
        best = { path: n.path, length: prefix.length };
      }
    }
  }
  return best?.path;
}
