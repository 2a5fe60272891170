// What the partnership publishes at /p/<slug>: the manager chooses priorities and
// indicators, the contact block and whether lead officers' names and meetings show,
// previews the page, and approves each publication with a note.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxesField, ErrorSummary, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { PublicPageBody } from "~/components/public-page";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { ApprovePublicationSchema, PublicationChoicesSchema } from "~/modules/publication/publication-schema";
import { approvePublication, getPublicationSettings, savePublicationChoices } from "~/modules/publication/publication.server";
import { formatInstant } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Public page and open data - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const settings = await getPublicationSettings(actor);
  const done = new URL(request.url).searchParams.get("done");
  return { slug: partnership.slug, timeZone: partnership.timeZone, ...settings, done: isDone(done) ? done : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const formData = await request.formData();
  const base = `/${partnership.slug}/settings/publication`;
  if (formData.get("intent") === "approve") {
    const submission = parseWithZod(formData, { schema: ApprovePublicationSchema });
    if (submission.status !== "success") return data({ intent: "approve" as const, result: submission.reply() }, { status: 400 });
    await approvePublication(actor, submission.value);
    return redirect(`${base}?done=published`);
  }
  const submission = parseWithZod(formData, { schema: PublicationChoicesSchema });
  if (submission.status !== "success") return data({ intent: "choices" as const, result: submission.reply() }, { status: 400 });
  const saved = await savePublicationChoices(actor, submission.value);
  return redirect(`${base}?done=${saved.withdrawn ? "withdrawn" : "saved"}`);
}

function isDone(value: string | null): value is keyof typeof BANNERS {
  return value !== null && Object.hasOwn(BANNERS, value);
}

const BANNERS = {
  saved: "Choices saved. They will be published when you next approve a publication.",
  withdrawn: "Choices saved. What you took out has been removed from the public page.",
  published: "Published. The public page now shows this publication.",
} as const;

export default function PublicationSettings() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [choicesForm, choices] = useForm<{ priorityIds: string[]; indicatorIds: string[]; publicContact: string }>({
    id: "choices",
    lastResult: lastResult?.intent === "choices" ? lastResult.result : undefined,
    defaultValue: { priorityIds: page.choices.priorityIds, indicatorIds: page.choices.indicatorIds, publicContact: page.choices.publicContact },
    shouldValidate: "onSubmit",
  });
  const [approveForm, approve] = useForm<{ note: string }>({
    id: "approve",
    lastResult: lastResult?.intent === "approve" ? lastResult.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApprovePublicationSchema }),
  });
  const errors = [...summariseErrors(choicesForm, [choices.priorityIds, choices.indicatorIds, choices.publicContact]), ...summariseErrors(approveForm, [approve.note])];
  const latest = page.history[0];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${page.slug}/settings`} className="govuk-back-link">
          Settings
        </Link>
        <ErrorSummary errors={errors} />
        {page.done && errors.length === 0 ? <SuccessBanner heading={BANNERS[page.done]} /> : null}
        <h1 className="govuk-heading-l">Public page and open data</h1>
        <p className="govuk-body">
          Nothing is public until you choose it and approve a publication. The public page is at{" "}
          <a className="govuk-link" href={`/p/${page.slug}`}>
            /p/{page.slug}
          </a>
          {latest ? ` and shows the publication approved on ${formatInstant(new Date(latest.approvedAt), page.timeZone)}.` : ": it will show once you approve a publication."}
        </p>

        <h2 className="govuk-heading-m">1. Choose what to publish</h2>
        <p className="govuk-body">Anything you take out is removed from the public page as soon as you save. Anything you add is published when you next approve.</p>
        <Form method="post" {...getFormProps(choicesForm)} noValidate>
          <input type="hidden" name="intent" value="choices" />
          <CheckboxesField
            field={choices.priorityIds}
            label="Priorities"
            hint="Their number, title and lead agencies are published."
            options={page.priorities.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
          />
          <CheckboxesField
            field={choices.indicatorIds}
            label="Indicators"
            hint="Their targets, baselines, figures, rating and trend are published, as they are when you approve."
            options={page.indicators.map((i) => ({ value: i.id, label: i.code ? `${i.code}: ${i.name}` : i.name }))}
          />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Also publish</legend>
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="publishLeadOfficerNames"
                    name="publishLeadOfficerNames"
                    type="checkbox"
                    value="on"
                    defaultChecked={page.choices.publishLeadOfficerNames}
                    aria-describedby="publishLeadOfficerNames-hint"
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="publishLeadOfficerNames">
                    Names of lead officers
                  </label>
                  <div id="publishLeadOfficerNames-hint" className="govuk-hint govuk-checkboxes__hint">
                    Only with the officers&apos; agreement. Without this, only their agencies are shown.
                  </div>
                </div>
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id="publishMeetings" name="publishMeetings" type="checkbox" value="on" defaultChecked={page.choices.publishMeetings} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="publishMeetings">
                    Upcoming board meetings (date, time, board and place)
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <TextareaField field={choices.publicContact} label="How to contact the partnership" hint="Shown under “Contact us”, and in the accessibility statement. For example, an e-mail address, a phone number and a postal address." rows={5} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Save choices
          </button>
        </Form>

        <h2 className="govuk-heading-m">2. Check what would be published</h2>
        <p className="govuk-body">This is the public page as it would look if you approved now, with today&apos;s figures.</p>
        <div className="govuk-inset-text" aria-label="Preview of the public page" role="region">
          <PublicPageBody slug={page.slug} timeZone={page.timeZone} snapshot={page.preview} approvedAt={new Date()} revisedAt={null} meetings={page.previewMeetings} preview />
        </div>

        <h2 className="govuk-heading-m">3. Approve and publish</h2>
        <Form method="post" {...getFormProps(approveForm)} noValidate>
          <input type="hidden" name="intent" value="approve" />
          <TextField field={approve.note} label="What is this publication?" hint="For the list of publications, like “Publish the Q2 figures”" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Approve and publish
          </button>
        </Form>

        <h2 className="govuk-heading-m">Past publications</h2>
        {page.history.length === 0 ? (
          <p className="govuk-body">Nothing has been published yet.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Past publications, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Approved
                </th>
                <th scope="col" className="govuk-table__header">
                  Publication
                </th>
                <th scope="col" className="govuk-table__header">
                  By
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {page.history.map((publication) => (
                <tr key={publication.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{formatInstant(new Date(publication.approvedAt), page.timeZone)}</td>
                  <td className="govuk-table__cell">
                    {publication.note}
                    {publication.revisedAt ? (
                      <span className="govuk-body-s govuk-!-display-block">Some of it taken off the page on {formatInstant(new Date(publication.revisedAt), page.timeZone)}</span>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{publication.approvedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
