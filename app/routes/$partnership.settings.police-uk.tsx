// police.uk settings: which LSOAs are the partnership's area, and which police.uk
// crime types count towards which of its indicators.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, summariseErrors, TextareaField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { PoliceUkSettingsSchema } from "~/modules/police-uk/police-uk-schema";
import { getPoliceUkSettings, savePoliceUkSettings } from "~/modules/police-uk/police-uk.server";

export const meta: MetaFunction = () => [{ title: "police.uk crime data - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const url = new URL(request.url);
  return {
    slug: partnership.slug,
    saved: url.searchParams.has("saved"),
    notices: { kept: url.searchParams.getAll("kept"), replaces: url.searchParams.getAll("replaces") },
    ...(await getPoliceUkSettings(actor)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: PoliceUkSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await savePoliceUkSettings(actor, submission.value);
  if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const query = new URLSearchParams([["saved", ""], ...result.keptOnPoliceUk.map((n) => ["kept", n]), ...result.replacesHandFigures.map((n) => ["replaces", n])]);
  return redirect(`/${partnership.slug}/settings/police-uk?${query}`);
}

export default function PoliceUkSettings() {
  const { slug, saved, notices, area, crimeTypes, indicators, notOffered, keptOnPoliceUk } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      lsoaNamePrefixes: area.prefixes.join("\n"),
      lsoaCodes: area.codes.join("\n"),
      mappings: crimeTypes.map((c) => ({ crimeType: c.crimeType, indicatorId: c.indicatorId })),
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PoliceUkSettingsSchema }),
  });
  const mappingFields = fields.mappings.getFieldList();
  const errors = summariseErrors(form, [fields.lsoaNamePrefixes, fields.lsoaCodes, ...mappingFields.map((m) => m.getFieldset().indicatorId)]);
  const options = indicators.map((i) => ({ value: i.id, label: i.label }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${slug}/settings`} className="govuk-back-link">
          Settings
        </Link>
        <ErrorSummary errors={errors} />
        {saved && errors.length === 0 ? (
          <SuccessBanner heading="police.uk settings saved">
            {notices.replaces.length > 0 ? (
              <p className="govuk-body">
                {`Now filled from police.uk: ${notices.replaces.join(", ")}. Figures entered by hand for a month a police.uk file covers will be replaced when it is imported.`}
              </p>
            ) : null}
            {notices.kept.length > 0 ? (
              <p className="govuk-body">{`${notices.kept.join(", ")} no longer has a crime type, but keeps its police.uk figures, so its figures still cannot be entered by hand.`}</p>
            ) : null}
          </SuccessBanner>
        ) : null}
        <span className="govuk-caption-l">Settings</span>
        <h1 className="govuk-heading-l">police.uk crime data</h1>
        <p className="govuk-body">
          police.uk publishes every crime recorded by the police each month, street by street. Upload its street-level crime files and the crimes in the partnership&apos;s area are
          counted into the indicators you choose below, month by month.
        </p>
        <p className="govuk-body">
          <Link to={`/${slug}/police-uk/import`} className="govuk-link">
            Import police.uk crime files
          </Link>
        </p>

        <Form method="post" {...getFormProps(form)} noValidate>
          <h2 className="govuk-heading-m">The partnership&apos;s area</h2>
          <p className="govuk-body">
            Each crime in a police.uk file has the lower layer super output area (LSOA) it happened in, with a name such as &quot;Tatton Vale 001A&quot; and a code such as
            E01000001. A crime counts as the partnership&apos;s when its LSOA name starts with one of the names below, or its LSOA code is listed.
          </p>
          {area.usingDefault ? (
            <div className="govuk-inset-text">
              {area.defaultPrefixes.length > 0
                ? `Both lists are empty, so the councils' names are used: crimes in LSOAs named ${area.defaultPrefixes.map((p) => `"${p} …"`).join(" or ")} are counted.`
                : "Both lists are empty and the partnership has no councils: enter the LSOA names or codes of its area before importing."}
            </div>
          ) : null}
          <TextareaField field={fields.lsoaNamePrefixes} label="LSOA names start with (optional)" hint="One a line, like Tatton Vale" rows={3} />
          <TextareaField field={fields.lsoaCodes} label="LSOA codes (optional)" hint="One a line, like E01000001: for an area that is not a whole district" rows={4} />

          <h2 className="govuk-heading-m">Crime types and indicators</h2>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>A police.uk crime type is never exactly a national indicator. &quot;Burglary&quot; counts homes and businesses
              together; &quot;Violence and sexual offences&quot; is wider than violence against the person. Mapping a crime type to an indicator is the partnership&apos;s own choice:
              say so when you report the figures.
            </strong>
          </div>
          <p className="govuk-body">
            Several crime types can count towards one indicator: their crimes are added together. An indicator with a crime type takes its figures from police.uk only, so they can no
            longer be entered by hand. Only monthly counts and rates can take crime types
            {notOffered > 0 ? ` (${notOffered === 1 ? "1 indicator is" : `${notOffered} indicators are`} not monthly counts or rates, so not offered)` : ""}. A rate is worked
            out from the month&apos;s count and the year&apos;s residents or households.
          </p>
          {keptOnPoliceUk.length > 0 ? (
            <div className="govuk-inset-text">
              {`${keptOnPoliceUk.join(", ")}: no crime type now, but police.uk figures are stored for ${keptOnPoliceUk.length === 1 ? "it" : "them"}, so ${keptOnPoliceUk.length === 1 ? "it keeps" : "they keep"} police.uk as the source of figures.`}
            </div>
          ) : null}
          {mappingFields.map((mapping, index) => {
            const set = mapping.getFieldset();
            const crimeType = crimeTypes[index]!;
            return (
              <div key={mapping.key}>
                <input {...getInputProps(set.crimeType, { type: "hidden" })} />
                <SelectField field={set.indicatorId} label={crimeType.crimeType} hint={crimeType.note ?? undefined} placeholder="Not counted" options={options} />
              </div>
            );
          })}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save police.uk settings
          </button>
        </Form>
      </div>
    </div>
  );
}
