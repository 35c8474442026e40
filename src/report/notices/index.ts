export { writeNotices, selectNoticeCases, type NoticeInput } from './write-notices.js';
export { loadNoticeTemplate } from './notice-template.js';
export { collectEnrolmentSchools, gradeStage, gradeText } from './enrolment-schools.js';
export { NOTICE_PLACEHOLDERS } from './notice-data.js';
export { LEGAL_PROVISIONS } from './provisions.js';
