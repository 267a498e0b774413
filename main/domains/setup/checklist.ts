import { neededRoles, setupChecklist, type SetupChecklist } from '../../../shared/setup';
import type { ServiceContext } from '../../core/context';
import { departmentHeads } from '../departments';
import { callPolicy } from '../policy';
import { callSettings, getSetupMarks, putSetupMark } from '../settings';
import { activeRoleCounts } from '../users';

/**
 * The facts of the setup checklist, from small tables only (settings, departments, a count per
 * role, the latest policy): cheap enough for the sysadmin's home page at any size of the data.
 */
export async function checklist(ctx: ServiceContext): Promise<SetupChecklist> {
  const settings = await callSettings(ctx);
  const marks = await getSetupMarks(ctx.db);
  const departments = await departmentHeads(ctx.db);
  const policy = await callPolicy(ctx);
  return setupChecklist({
    companyName: settings.companyName,
    timeZone: settings.timeZone,
    timeZoneConfirmed: marks.timeZoneConfirmedAtMs !== null,
    departments: departments.map((d) => ({ name: d.name, hasActiveHead: d.headActive })),
    activeByRole: await activeRoleCounts(ctx.db),
    neededRoles: neededRoles(policy.policy.chains),
    // Version 1 is the default the database started with: any saved version was reviewed.
    policyReviewed: marks.policyReviewedAtMs !== null || policy.version > 1,
  });
}

/** 确认无需修改: the sysadmin read the standard and keeps it as it is. */
export async function reviewPolicy(ctx: ServiceContext): Promise<null> {
  const policy = await callPolicy(ctx);
  await putSetupMark(ctx.db, 'policyReviewedAtMs', ctx.nowMs);
  ctx.audit({
    entityType: 'policy',
    entityId: policy.version,
    summary: { policyVersion: policy.version },
  });
  return null;
}
