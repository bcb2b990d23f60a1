"use client";
// Choose a file (read here, in the browser, as text) or paste the text; the JSON goes to the import route.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import { decodeText, inputMessages, MAX_IMPORT_BYTES } from "@/lib/importer/input";
import { LiveMessage } from "@/components/live-message";

// The import route accepts a JSON body up to twice the import limit (escaping can double a text's size).
const MAX_BROWSER_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024;
const tooLongForBrowser = "This text is too long to send from the browser. Split the reading into parts and import each, or run npm run import on the server.";

function sizeLabel(bytes: number) {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; size: number; text: string } | null>(null);
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function chooseFile(chosen: File | undefined) {
    setError(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size === 0) return setError(inputMessages.empty);
    if (chosen.size > MAX_IMPORT_BYTES) return setError(inputMessages.tooLarge);
    // UTF-16 (Notepad's and Word's "Unicode" text) is read by its byte-order mark, as on the command line.
    setFile({ name: chosen.name, size: chosen.size, text: decodeText(new Uint8Array(await chosen.arrayBuffer())) });
  }

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const form = new FormData(event.currentTarget);
        const text = file ? file.text : pasted;
        if (text.trim() === "") return setError(file ? inputMessages.empty : "Paste the text of the reading, or choose a file.");
        const body = { fileName: file?.name, format: String(form.get("format") ?? "auto"), text };
        if (new Blob([JSON.stringify(body)]).size > MAX_BROWSER_BODY_BYTES) return setError(new Blob([text]).size > MAX_IMPORT_BYTES ? inputMessages.tooLarge : tooLongForBrowser);
        setPending(true);
        const result = await callApi<{ id: string }>("POST", "/api/instructor/drafts", body);
        if (result.ok) {
          router.push(`/instructor/import/${result.data.id}`);
          return;
        }
        setPending(false);
        setError(result.fieldErrors?.text?.[0] ?? result.message);
      }}
    >
      <div>
        <label htmlFor="import-file" className="field-label">Choose a file</label>
        <p id="import-file-hint" className="text-sm text-stone-600">Plain text (.txt), Markdown (.md) or HTML (.html), up to 1 MB.</p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          aria-describedby="import-file-hint"
          className="mt-2 block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold file:text-stone-800 hover:file:bg-stone-50"
          onChange={(event) => chooseFile(event.currentTarget.files?.[0])}
        />
      </div>

      <LiveMessage className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-stone-800">
        {file && <>Ready to import <span className="font-semibold break-all">{file.name}</span> ({sizeLabel(file.size)}).</>}
      </LiveMessage>
      {!file && (
        <div>
          <label htmlFor="import-text" className="field-label">Or paste the text</label>
          <textarea
            id="import-text"
            name="text"
            rows={12}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            className="field-input font-mono text-sm"
            placeholder={"Title of the reading\n\nBy Anna Keller\nPublished 14 March 2023\n\nFirst paragraph…"}
            aria-invalid={Boolean(error)}
          />
        </div>
      )}

      <div className="sm:w-64">
        <label htmlFor="import-format" className="field-label">Format</label>
        <select id="import-format" name="format" className="field-input" defaultValue="auto">
          <option value="auto">Detect automatically</option>
          <option value="text">Plain text</option>
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </select>
      </div>

      <LiveMessage tone="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">{error}</LiveMessage>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Reading the text…" : "Import and draft the lesson"}</button>
    </form>
  );
}
