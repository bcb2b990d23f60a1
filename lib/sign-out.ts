// Said by the header's sign-out, with or without the page's script, when the session could not be ended on the server.
export const SIGN_OUT_NOT_ENDED = "Could not sign you out: Caravan could not end this session just now. You are still signed in; try again in a moment.";
