import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { createImportDraft, importTextSchema } from "@/lib/server/import-service";
import { inputMessages, MAX_IMPORT_BYTES } from "@/lib/importer/input";

// JSON escaping can double a text's size, so the body may be up to twice the 1 MB import limit.
/** Imports a reading (plain text, Markdown or HTML, read by the browser) as a draft lesson of the instructor's. */
export async function POST(request: Request) {
  return handleRoute(request, { params: z.object({}), rawParams: {}, body: importTextSchema, role: "INSTRUCTOR", status: 201, maxBodyBytes: 2 * MAX_IMPORT_BYTES + 64 * 1024, unstorableTextMessage: inputMessages.binary }, ({ body }, user) => createImportDraft(user, body));
}
