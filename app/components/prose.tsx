/** Text typed or pasted with line breaks, as GOV.UK paragraphs. */
export function Prose({ text, empty = "Not recorded." }: { text: string | null | undefined; empty?: string }) {
  const paragraphs = (text ?? "").split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return <p className="govuk-body govuk-hint">{empty}</p>;
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="govuk-body">
          {paragraph}
        </p>
      ))}
    </>
  );
}
