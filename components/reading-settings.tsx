"use client";
// A lesson's "Text settings" (decision 34). The form posts its server action straight from the page, so it works
// before the page's script has loaded, or without it; the answer draws the lesson again in the new setting.
import { saveReadingSettingsAction } from "@/app/actions/reading-settings";
import { READING_SPACINGS, READING_TEXT_SIZES, READING_TYPEFACES, isStandardReading, readingSettingLabels, type ReadingSettings } from "@/lib/domain/reading-settings";
import { FormMessage } from "./live-message";
import { useFormAction } from "./reachable-action";

const choices = [
  { name: "size", legend: "Text size", values: READING_TEXT_SIZES },
  { name: "spacing", legend: "Spacing", values: READING_SPACINGS },
  { name: "typeface", legend: "Typeface", values: READING_TYPEFACES },
] as const;

export function ReadingSettingsForm({ settings }: { settings: ReadingSettings }) {
  const [state, formAction, pending] = useFormAction(saveReadingSettingsAction);
  const labels = readingSettingLabels as Record<string, Record<string, string>>;
  return (
    // Open after a save, so the answer is seen where the page was drawn again without JavaScript.
    <details className="mb-4 rounded-lg border border-stone-200 bg-white text-sm print:hidden" open={state ? true : undefined}>
      <summary className="cursor-pointer px-4 py-2 font-medium">
        Text settings<span className="font-normal text-stone-600">{isStandardReading(settings) ? " · standard" : ` · ${labels.size[settings.size]} text, ${labels.spacing[settings.spacing].toLowerCase()} spacing, ${labels.typeface[settings.typeface].toLowerCase()}`}</span>
      </summary>
      <form action={formAction} className="space-y-4 border-t border-stone-200 px-4 pb-4 pt-3">
        <p className="text-stone-600">For the lesson text, in this browser.</p>
        <div className="flex flex-wrap gap-x-8 gap-y-4">
          {choices.map((choice) => (
            <fieldset key={choice.name}>
              <legend className="field-label">{choice.legend}</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {choice.values.map((value) => (
                  <label key={value} className="inline-flex items-center gap-2">
                    <input type="radio" name={choice.name} value={value} defaultChecked={settings[choice.name] === value} />
                    {labels[choice.name][value]}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-secondary" aria-disabled={pending}>{pending ? "Saving…" : "Save text settings"}</button>
          <FormMessage message={state ? { ok: state.ok, text: state.ok ? "Saved. The lesson text now follows these settings." : state.message } : null} />
        </div>
      </form>
    </details>
  );
}
