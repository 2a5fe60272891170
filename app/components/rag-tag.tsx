const RAG = {
  RED: { label: "Red", colour: "govuk-tag--red" },
  AMBER: { label: "Amber", colour: "govuk-tag--orange" },
  GREEN: { label: "Green", colour: "govuk-tag--green" },
  NOT_RATED: { label: "Not rated", colour: "govuk-tag--grey" },
  NO_FIGURE: { label: "No figure yet", colour: "govuk-tag--grey" },
} as const;

export type RagValue = keyof typeof RAG;

/** A RAG rating as a GOV.UK tag: the word is always shown, never colour alone. */
export function RagTag({ rag, count }: { rag: RagValue | null; count?: number }) {
  const { label, colour } = RAG[rag ?? "NOT_RATED"];
  return <strong className={`govuk-tag ${colour}`}>{count === undefined ? label : `${count} ${label.toLowerCase()}`}</strong>;
}
