export { writeNotices, selectNoticeCases, type NoticeInput, type WrittenNotices } from './write-notices.js';
export { loadNoticeTemplate, builtInTemplatePath, type NoticeTemplate } from './notice-template.js';
export { collectEnrolmentSchools, gradeStage, gradeText, type EnrolmentSchools } from './enrolment-schools.js';
export { NOTICE_PLACEHOLDERS, type NoticeContext } from './notice-data.js';
export { LEGAL_PROVISIONS } from './provisions.js';
