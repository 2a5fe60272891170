import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Prose } from "~/components/prose";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listBoards, type BoardNode } from "~/modules/boards/boards.server";
import { BOARD_KIND_LABELS, BOARD_ROLE_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Boards - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { slug: partnership.slug, boards: await listBoards(actor) };
}

export default function BoardsPage() {
  const { slug, boards } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Boards</h1>
      {boards.length === 0 ? <p className="govuk-body">No boards have been set up yet.</p> : <BoardList boards={boards} level={2} slug={slug} />}
    </>
  );
}

function BoardList({ boards, level, slug }: { boards: BoardNode[]; level: 2 | 3 | 4; slug: string }) {
  const Heading = `h${level}` as const;
  return (
    <ul className="app-board-tree">
      {boards.map((board) => (
        <li key={board.id} id={`board-${board.id}`} className="govuk-!-margin-bottom-6">
          <Heading className={level === 2 ? "govuk-heading-l" : "govuk-heading-m"}>
            <Link to={`/${slug}/boards/${board.id}`} className="govuk-link">
              {board.name}
            </Link>
          </Heading>
          <p className="govuk-body-s">
            {BOARD_KIND_LABELS[board.kind]}
            {board.reportsToParent ? `. Reports to its parent board ${board.reportsToParent}` : ""}
          </p>
          {board.description ? <Prose text={board.description} /> : null}
          {board.members.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{`Members of ${board.name}`}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Role</th>
                  <th scope="col" className="govuk-table__header">Agency</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {board.members.map((member) => (
                  <tr key={member.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      {member.name}
                      {member.jobTitle ? <span className="govuk-body-s govuk-!-display-block">{member.jobTitle}</span> : null}
                    </td>
                    <td className="govuk-table__cell">{BOARD_ROLE_LABELS[member.role]}</td>
                    <td className="govuk-table__cell">{member.agencyName ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">No members recorded.</p>
          )}
          {board.subBoards.length > 0 ? (
            <>
              <p className="govuk-body govuk-!-font-weight-bold">{`Reporting to ${board.name}`}</p>
              <BoardList boards={board.subBoards} level={level === 2 ? 3 : 4} slug={slug} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
