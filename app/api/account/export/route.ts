import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { exportAccountData } from "@/lib/server/account-export";

/** Everything Caravan holds about the signed-in account, as a JSON file. */
export async function GET(request: Request) {
  return handleRoute(request, { params: z.object({}), rawParams: {} }, async (_input, user) => {
    const data = await exportAccountData(user.id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="caravan-my-data-${data.exportedAt.slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  });
}
