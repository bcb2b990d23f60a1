"use server";
import { runAction } from "@/lib/server/action";
import { saveAnswerSchema, startAttemptSchema, submitAttemptSchema } from "@/lib/server/quiz-inputs";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/server/quiz-service";

export async function startAttemptAction(raw: unknown) {
  return runAction({ schema: startAttemptSchema }, raw, (input, user) => startAttempt(user, input.quizId));
}

export async function saveAnswerAction(raw: unknown) {
  return runAction({ schema: saveAnswerSchema }, raw, (input, user) => saveAnswer(user, input));
}

export async function submitAttemptAction(raw: unknown) {
  return runAction({ schema: submitAttemptSchema }, raw, (input, user) => submitAttempt(user, input));
}
