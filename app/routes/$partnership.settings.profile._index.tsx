// The partnership's profile, for its managers: download the configuration as one
// file, or upload one, see what it would add and change, and confirm.
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { describeProblem, PROFILE_MAX_BYTES, ProfileMessages } from "~/modules/profiles/profile-document.server";
import { profileSettingsFor } from "~/modules/profiles/profile-export.server";
import { confirmProfileImport, previewProfileImportForConfirmation, type ImportPlan } from "~/modules/profiles/profile-import.server";

export const meta: MetaFunction = () => [{ title: "Partnership profile - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  profileSettingsFor(actor);
  const imported = new URL(request.url).searchParams.get("imported");
  return { partnershipName: partnership.name, slug: partnership.slug, imported };
}

type ActionResult =
  | { status: "problems"; problems: string[] }
  | { status: "preview"; plan: ImportPlan; document: string; signature: string; fileName: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  profileSettingsFor(actor);
  const isUpload = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  if (isUpload) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: PROFILE_MAX_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return problems([ProfileMessages.tooLarge]);
      throw error;
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return problems([ProfileMessages.chooseFile]);
    const preview = await previewProfileImportForConfirmation(actor, await file.text());
    if (!preview.ok) return problems(preview.problems.map(describeProblem));
    return data<ActionResult>({ status: "preview", plan: preview.plan, ...preview.confirmation, fileName: file.name });
  }
  // Confirming: the document previewed, as the preview page's form sends it back.
  const form = await request.formData();
  const result = await confirmProfileImport(actor, { document: String(form.get("document") ?? ""), signature: String(form.get("signature") ?? "") });
  if (!result.ok) return problems(result.problems.map(describeProblem));
  const count = result.plan.sections.reduce((n, s) => n + s.added.length + s.changed.length, 0);
  return redirect(`/${partnership.slug}/settings/profile?imported=${count}`);
}

function problems(list: string[]) {
  return data<ActionResult>({ status: "problems", problems: list }, { status: 400 });
}

export default function ProfileSettings() {
  const { partnershipName, slug, imported } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  if (result?.status === "preview") return <ImportPreview result={result} partnershipName={partnershipName} busy={busy} />;
  const errors = result?.status === "problems" ? result.problems.map((message) => ({ fieldId: "file", message })) : [];
  const error = errors.length > 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {imported !== null && !error ? (
          <SuccessBanner heading="Profile imported">
            <p className="govuk-body">{imported === "0" ? "The file matched this partnership: nothing needed to change." : imported === "1" ? "1 thing was added or changed." : `${imported} things were added or changed.`}</p>
          </SuccessBanner>
        ) : null}
        <span className="govuk-caption-l">Settings</span>
        <h1 className="govuk-heading-l">Partnership profile</h1>
        <p className="govuk-body">
          The profile is one file that describes how {partnershipName} is set up: its partner agencies, named people, boards and their members, strategy, priorities and their leads,
          indicators, denominators, baselines and targets. It does not include actions, figures or meetings.
        </p>

        <h2 className="govuk-heading-m">Download the profile</h2>
        <p className="govuk-body">Keep a copy, or use it to set up another partnership in the same way.</p>
        <p className="govuk-body">
          <a href={`/${slug}/settings/profile/download`} download className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Download the profile (YAML)
          </a>
        </p>

        <h2 className="govuk-heading-m">Import a profile</h2>
        <p className="govuk-body">
          You will see what the file would add and change before anything is saved. Nothing is deleted: things in this partnership that the file leaves out stay as they are.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              Upload a profile file
            </label>
            <div id="file-hint" className="govuk-hint">
              A YAML or JSON file, smaller than 2 MB
            </div>
            {error ? (
              <p id="file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span>{" "}
                {errors.length === 1 ? errors[0]!.message : `The file has ${errors.length} problems, listed at the top of the page`}
              </p>
            ) : null}
            <input
              id="file"
              name="file"
              type="file"
              accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
              className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
              aria-describedby={`file-hint${error ? " file-error" : ""}`}
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            Check the file
          </button>
        </Form>
        <p className="govuk-body">
          <Link to="../export" relative="path" className="govuk-link">
            Download all of the partnership&apos;s data
          </Link>
        </p>
      </div>
    </div>
  );
}

function ImportPreview({
  result,
  partnershipName,
  busy,
}: {
  result: Extract<ActionResult, { status: "preview" }>;
  partnershipName: string;
  busy: boolean;
}) {
  const total = result.plan.sections.reduce((n, s) => n + s.added.length + s.changed.length, 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Import a profile</span>
        <h1 className="govuk-heading-l">Check what the file will change</h1>
        <p className="govuk-body">
          The file <strong>{result.fileName}</strong> is valid. {total === 0 ? "It matches this partnership: importing it would change nothing." : `Importing it into ${partnershipName} will:`}
        </p>
        {total > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Changes by section</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Section
                </th>
                <th scope="col" className="govuk-table__header">
                  To add
                </th>
                <th scope="col" className="govuk-table__header">
                  To change
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {result.plan.sections
                .filter((s) => s.added.length + s.changed.length > 0)
                .map((s) => (
                  <tr key={s.section} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {capitalise(s.label)}
                    </th>
                    <td className="govuk-table__cell">
                      <Names count={s.added.length} names={s.added} label={`${s.label} to add`} />
                    </td>
                    <td className="govuk-table__cell">
                      <Names count={s.changed.length} names={s.changed} label={`${s.label} to change`} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : null}
        <div className="govuk-inset-text">
          Nothing will be deleted: agencies, people, boards, priorities and indicators that the file leaves out stay as they are. The partnership&apos;s name and web address do not change.
          Everything is saved together, or nothing is.
        </div>
        <Form method="post" noValidate>
          <input type="hidden" name="document" value={result.document} />
          <input type="hidden" name="signature" value={result.signature} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy || total === 0}>
              Import the profile
            </button>
            <Link to="." className="govuk-link">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

function Names({ count, names, label }: { count: number; names: string[]; label: string }) {
  if (count === 0) return <>0</>;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {count}
          <span className="govuk-visually-hidden"> {label}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list govuk-list--bullet">
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
