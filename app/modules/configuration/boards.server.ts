// Boards in settings: their kind, the board they report to (never themselves or one
// of their own sub-boards), chair and members. A board with sub-boards or meetings is
// archived, not deleted. Partnership managers only.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import { BoardMessages, type BoardInput, type BoardMemberInput } from "./board-schema";
import { invalid, type FieldErrors } from "./fields";

export type SaveResult = { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors };

const boardSelect = {
  id: true,
  name: true,
  shortName: true,
  kind: true,
  parentBoardId: true,
  description: true,
  reportsToParent: true,
  archivedAt: true,
} as const;

const ROLE_ORDER = { CHAIR: 0, CO_CHAIR: 1, VICE_CHAIR: 2, MEMBER: 3 } as const;

export async function listBoardSettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const boards = await tx.board.findMany({
      where: { partnershipId },
      orderBy: { name: "asc" },
      select: { ...boardSelect, parentBoard: { select: { name: true } }, _count: { select: { members: true } } },
    });
    return {
      boards: boards.filter((b) => !b.archivedAt),
      archived: boards.filter((b) => b.archivedAt),
      parentChoices: boards.filter((b) => !b.archivedAt).map((b) => ({ id: b.id, name: b.name })),
    };
  });
}

export async function getBoardForEdit(actor: Actor, boardId: string) {
  assertCan(actor, "settings:manage");
  if (!isUuid(boardId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const board = await tx.board.findFirst({ where: { id: boardId, partnershipId }, select: boardSelect });
    if (!board) return null;
    const members = await tx.boardMember.findMany({
      where: { partnershipId, boardId },
      select: { id: true, role: true, person: { select: { id: true, name: true, jobTitle: true } } },
    });
    members.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.person.name.localeCompare(b.person.name));
    const descendants = await descendantsOf(tx, partnershipId, boardId);
    const parentChoices = await tx.board.findMany({
      where: { partnershipId, archivedAt: null, id: { notIn: [boardId, ...descendants] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    const onBoard = new Set(members.map((m) => m.person.id));
    const people = await tx.person.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
    return { board, members, parentChoices, personChoices: people.filter((p) => !onBoard.has(p.id)) };
  });
}

async function descendantsOf(tx: TenantTx, partnershipId: string, boardId: string): Promise<string[]> {
  const all = await tx.board.findMany({ where: { partnershipId }, select: { id: true, parentBoardId: true } });
  const found: string[] = [];
  let frontier = [boardId];
  while (frontier.length > 0) {
    const next = all.filter((b) => b.parentBoardId && frontier.includes(b.parentBoardId) && !found.includes(b.id)).map((b) => b.id);
    found.push(...next);
    frontier = next;
  }
  return found;
}

async function checkParent(tx: TenantTx, partnershipId: string, boardId: string | null, parentId: string | undefined) {
  if (!parentId) return null;
  if (!isUuid(parentId)) return BoardMessages.parentNotFound;
  const parent = await tx.board.findFirst({ where: { id: parentId, partnershipId, archivedAt: null }, select: { id: true } });
  if (!parent) return BoardMessages.parentNotFound;
  if (boardId && (parentId === boardId || (await descendantsOf(tx, partnershipId, boardId)).includes(parentId))) return BoardMessages.cycle;
  return null;
}

export async function saveBoard(actor: Actor, boardId: string | null, input: BoardInput): Promise<SaveResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (boardId !== null && !isUuid(boardId)) throw new Response("Not found", { status: 404 });
  try {
    return await withTenant(partnershipId, async (tx): Promise<SaveResult> => {
      const parentProblem = await checkParent(tx, partnershipId, boardId, input.parentBoardId);
      if (parentProblem) return invalid("parentBoardId", parentProblem);
      const clash = await tx.board.findFirst({
        where: { partnershipId, name: { equals: input.name, mode: "insensitive" }, ...(boardId ? { id: { not: boardId } } : {}) },
        select: { id: true },
      });
      if (clash) return invalid("name", BoardMessages.nameTaken);
      const row = {
        name: input.name,
        shortName: input.shortName || null,
        kind: input.kind,
        parentBoardId: input.parentBoardId || null,
        description: input.description || null,
        reportsToParent: input.reportsToParent || null,
      };
      if (!boardId) {
        const created = await tx.board.create({ data: { partnershipId, ...row }, select: { id: true } });
        await recordAudit(tx, actor, { action: "created", entityType: "Board", entityId: created.id, after: row });
        return { status: "saved", id: created.id };
      }
      const before = await tx.board.findFirst({ where: { id: boardId, partnershipId }, select: boardSelect });
      if (!before) throw new Response("Not found", { status: 404 });
      const diff = changedFields(before, row);
      if (diff.changed) {
        await tx.board.update({ where: { partnershipId_id: { partnershipId, id: boardId } }, data: row });
        await recordAudit(tx, actor, { action: "updated", entityType: "Board", entityId: boardId, before: diff.before, after: diff.after });
      }
      return { status: "saved", id: boardId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return invalid("name", BoardMessages.nameTaken);
    throw error;
  }
}

export async function addBoardMember(actor: Actor, boardId: string, input: BoardMemberInput): Promise<SaveResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(boardId)) throw new Response("Not found", { status: 404 });
  return withTenant(partnershipId, async (tx): Promise<SaveResult> => {
    const board = await tx.board.findFirst({ where: { id: boardId, partnershipId }, select: { id: true } });
    if (!board) throw new Response("Not found", { status: 404 });
    const person = isUuid(input.personId)
      ? await tx.person.findFirst({ where: { id: input.personId, partnershipId, archivedAt: null }, select: { id: true, name: true } })
      : null;
    if (!person) return invalid("personId", BoardMessages.personNotFound);
    const existing = await tx.boardMember.findFirst({ where: { partnershipId, boardId, personId: person.id }, select: { id: true } });
    if (existing) return invalid("personId", BoardMessages.alreadyMember);
    const created = await tx.boardMember.create({ data: { partnershipId, boardId, personId: person.id, role: input.role }, select: { id: true } });
    await recordAudit(tx, actor, { action: "added", entityType: "BoardMember", entityId: created.id, after: { boardId, personId: person.id, name: person.name, role: input.role } });
    return { status: "saved", id: created.id };
  });
}

export async function removeBoardMember(actor: Actor, boardId: string, boardMemberId: string) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(boardId) || !isUuid(boardMemberId)) throw new Response("Not found", { status: 404 });
  await withTenant(partnershipId, async (tx) => {
    const seat = await tx.boardMember.findFirst({ where: { id: boardMemberId, boardId, partnershipId }, select: { id: true, personId: true, role: true } });
    if (!seat) throw new Response("Not found", { status: 404 });
    await tx.boardMember.delete({ where: { partnershipId_id: { partnershipId, id: boardMemberId } } });
    await recordAudit(tx, actor, { action: "removed", entityType: "BoardMember", entityId: seat.id, before: { boardId, personId: seat.personId, role: seat.role } });
  });
}

export async function setBoardArchived(actor: Actor, boardId: string, archived: boolean) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(boardId)) throw new Response("Not found", { status: 404 });
  await withTenant(partnershipId, async (tx) => {
    const board = await tx.board.findFirst({ where: { id: boardId, partnershipId }, select: { archivedAt: true } });
    if (!board) throw new Response("Not found", { status: 404 });
    if (Boolean(board.archivedAt) === archived) return;
    const archivedAt = archived ? new Date() : null;
    await tx.board.update({ where: { partnershipId_id: { partnershipId, id: boardId } }, data: { archivedAt } });
    await recordAudit(tx, actor, { action: archived ? "archived" : "restored", entityType: "Board", entityId: boardId, before: { archivedAt: board.archivedAt }, after: { archivedAt } });
  });
}

export async function deleteBoard(actor: Actor, boardId: string): Promise<{ status: "deleted" } | { status: "in-use"; message: string }> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(boardId)) throw new Response("Not found", { status: 404 });
  return withTenant(partnershipId, async (tx) => {
    const board = await tx.board.findFirst({ where: { id: boardId, partnershipId }, select: boardSelect });
    if (!board) throw new Response("Not found", { status: 404 });
    const counts = await Promise.all([
      tx.board.count({ where: { partnershipId, parentBoardId: boardId } }),
      tx.meeting.count({ where: { partnershipId, boardId } }),
      tx.priority.count({ where: { partnershipId, responsibleBoardId: boardId } }),
      tx.indicator.count({ where: { partnershipId, OR: [{ ownerBoardId: boardId }, { responsibleBoardId: boardId }] } }),
    ]);
    if (counts.some((n) => n > 0)) return { status: "in-use", message: BoardMessages.inUse } as const;
    await tx.boardMember.deleteMany({ where: { partnershipId, boardId } });
    await tx.board.delete({ where: { partnershipId_id: { partnershipId, id: boardId } } });
    await recordAudit(tx, actor, { action: "deleted", entityType: "Board", entityId: boardId, before: board });
    return { status: "deleted" } as const;
  });
}
