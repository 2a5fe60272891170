// The digest's settings: per board, how many days before each meeting it goes and
// whether a manager approves it first; per partnership, whether progress notes go in
// it. Managers only; every change audited.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { withTenant } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import type { BoardDigestSettingsInput, DigestNotesSettingInput } from "./digest-settings-schema";

const boardDigestSelect = { digestDaysBefore: true, reminderDaysBefore: true, digestNeedsApproval: true } as const;

/** A board's digest settings; null (404) when the board is not the partnership's. */
export async function getBoardDigestSettings(actor: Actor, boardId: string) {
  assertCan(actor, "settings:manage");
  if (!isUuid(boardId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, (tx) => tx.board.findFirst({ where: { id: boardId, partnershipId }, select: boardDigestSelect }));
}

export async function saveBoardDigestSettings(actor: Actor, boardId: string, input: BoardDigestSettingsInput) {
  assertCan(actor, "settings:manage");
  if (!isUuid(boardId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const before = await tx.board.findFirst({ where: { id: boardId, partnershipId }, select: boardDigestSelect });
    if (!before) return null;
    const row = { digestDaysBefore: input.digestDaysBefore, reminderDaysBefore: input.reminderDaysBefore, digestNeedsApproval: input.digestNeedsApproval };
    const diff = changedFields(before, row);
    if (diff.changed) {
      await tx.board.update({ where: { partnershipId_id: { partnershipId, id: boardId } }, data: row });
      await recordAudit(tx, actor, { action: "changed the briefing settings", entityType: "Board", entityId: boardId, before: diff.before, after: diff.after });
    }
    return { status: "saved" as const };
  });
}

export async function getDigestNotesSetting(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, (tx) =>
    tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { digestIncludesNotes: true } }),
  );
}

export async function saveDigestNotesSetting(actor: Actor, input: DigestNotesSettingInput) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  await withTenant(partnershipId, async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { digestIncludesNotes: true } });
    if (before.digestIncludesNotes === input.digestIncludesNotes) return;
    await tx.partnership.update({ where: { id: partnershipId }, data: { digestIncludesNotes: input.digestIncludesNotes } });
    await recordAudit(tx, actor, {
      action: "changed whether briefings include progress notes",
      entityType: "Partnership",
      entityId: partnershipId,
      before,
      after: { digestIncludesNotes: input.digestIncludesNotes },
    });
  });
}
