-- AlterTable
ALTER TABLE "DebateGrade" ADD COLUMN     "rubric" JSONB;

-- Grades given before the rubric was kept with them: the best record is the rubric of the prompt as it stands now.
UPDATE "DebateGrade" g
SET "rubric" = COALESCE((
  SELECT jsonb_agg(jsonb_build_object('id', c->>'id', 'criterion', c->>'criterion', 'maxPoints', (c->>'maxPoints')::int) ORDER BY n)
  FROM "DebateResponse" r
  JOIN "DebatePrompt" p ON p."id" = r."promptId"
  CROSS JOIN LATERAL jsonb_array_elements(p."definition"->'rubric') WITH ORDINALITY AS e(c, n)
  WHERE r."id" = g."responseId"
), '[]'::jsonb);

ALTER TABLE "DebateGrade" ALTER COLUMN "rubric" SET NOT NULL;
