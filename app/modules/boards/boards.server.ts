import { assertCan, type Actor } from "~/modules/access/actor.server";
import { withTenant, type TenantTx } from "~/utils/db.server";

const ROLE_ORDER = { CHAIR: 0, CO_CHAIR: 1, VICE_CHAIR: 2, MEMBER: 3 } as const;

async function loadBoards(tx: TenantTx, partnershipId: string) {
  return tx.board.findMany({
    where: { partnershipId, archivedAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      description: true,
      reportsToParent: true,
      parentBoardId: true,
      members: {
        select: {
          id: true,
          role: true,
          agency: { select: { name: true, shortName: true } },
          person: {
            select: { name: true, jobTitle: true, agency: { select: { name: true, shortName: true } } },
          },
        },
      },
    },
  });
}

type BoardRow = Awaited<ReturnType<typeof loadBoards>>[number];
export type BoardNode = Omit<BoardRow, "members"> & {
  members: Array<{ id: string; role: BoardRow["members"][number]["role"]; name: string; jobTitle: string | null; agencyName: string | null }>;
  subBoards: BoardNode[];
};

/** Boards as a tree: top-level boards first, each with the sub-boards that report to it. */
export function buildBoardTree(rows: BoardRow[]): BoardNode[] {
  const nodes = new Map<string, BoardNode>();
  for (const row of rows) {
    const members = row.members
      .map((m) => ({
        id: m.id,
        role: m.role,
        name: m.person.name,
        jobTitle: m.person.jobTitle,
        agencyName: (m.agency ?? m.person.agency)?.name ?? null,
      }))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, "en-GB"));
    nodes.set(row.id, { ...row, members, subBoards: [] });
  }
  const roots: BoardNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentBoardId ? nodes.get(node.parentBoardId) : undefined;
    if (parent) parent.subBoards.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function listBoards(actor: Actor) {
  assertCan(actor, "partnership:read");
  return withTenant(actor.partnershipId, async (tx) => buildBoardTree(await loadBoards(tx, actor.partnershipId)));
}
