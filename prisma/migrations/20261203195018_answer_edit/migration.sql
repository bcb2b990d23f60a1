-- CreateTable
CREATE TABLE "AnswerEdit" (
    "attemptId" UUID NOT NULL,
    "questionVersionId" UUID NOT NULL,
    "writer" TEXT NOT NULL,
    "number" INTEGER NOT NULL,

    CONSTRAINT "AnswerEdit_pkey" PRIMARY KEY ("attemptId","questionVersionId")
);

-- AddForeignKey
ALTER TABLE "AnswerEdit" ADD CONSTRAINT "AnswerEdit_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
