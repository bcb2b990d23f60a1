import { NextResponse } from "next/server";

// An API address no route answers: a JSON error like every other refusal, not the HTML page for people.
function notFound() {
  return NextResponse.json({ error: { code: "NOT_FOUND", message: "There is no API at this address." } }, { status: 404, headers: { "cache-control": "no-store" } });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
