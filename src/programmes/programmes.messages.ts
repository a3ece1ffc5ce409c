import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.programmes.survey-not-found': { vi: 'Không tìm thấy phiếu khảo sát', en: 'Survey not found' },
  'problem.programmes.survey-not-draft': {
    vi: 'Phiếu khảo sát đã gửi thì không sửa câu hỏi được nữa',
    en: 'A survey that has been sent can no longer be changed',
  },
  'problem.programmes.survey-not-open': {
    vi: 'Phiếu khảo sát chưa mở hoặc đã đóng, không nhận trả lời',
    en: 'The survey is not open for answers',
  },
  'problem.programmes.survey-not-sent': {
    vi: 'Phiếu khảo sát chưa được gửi',
    en: 'The survey has not been sent',
  },
  'problem.programmes.course-not-found': {
    vi: 'Không tìm thấy lớp tập huấn',
    en: 'Training course not found',
  },
  'problem.programmes.programme-not-found': {
    vi: 'Không tìm thấy chương trình hỗ trợ',
    en: 'Support programme not found',
  },
  'programmes.closesOn': {
    vi: 'ngày đóng phiếu phải từ ngày mở phiếu trở đi',
    en: 'the closing date must not come before the opening date',
  },
  'programmes.endsOn': {
    vi: 'ngày kết thúc phải từ ngày bắt đầu trở đi',
    en: 'the end date must not come before the start date',
  },
  'programmes.targets': {
    vi: 'cần chọn ít nhất một xã, phường hoặc một sở, ngành nhận phiếu',
    en: 'choose at least one commune or sector department to send the survey to',
  },
  'programmes.commune': {
    vi: 'không có xã, phường mã {code} trong tỉnh',
    en: 'there is no commune with code {code} in the province',
  },
  'programmes.questions': {
    vi: 'phiếu cần ít nhất một câu hỏi',
    en: 'the survey needs at least one question',
  },
  'programmes.choices': {
    vi: 'câu «{question}» cần ít nhất hai lựa chọn khác nhau',
    en: 'question “{question}” needs at least two different choices',
  },
  'programmes.feedsTraceability': {
    vi: 'chỉ một câu hỏi có/không được dùng cho chỉ tiêu «áp dụng truy xuất nguồn gốc»',
    en: 'only one yes/no question can feed the “applies traceability” indicator',
  },
  'programmes.organisation': {
    vi: 'tổ chức này không thuộc phạm vi phụ trách của bạn hoặc không nhận phiếu này',
    en: 'this organisation is not in your scope or not reached by this survey',
  },
  'programmes.organisationUnknown': {
    vi: 'không tìm thấy tổ chức đã chọn',
    en: 'the chosen organisation was not found',
  },
  'programmes.recipientTwice': {
    vi: 'tổ chức này đã có trong danh sách được hỗ trợ',
    en: 'this organisation is already in the list',
  },
  'programmes.answer.required': {
    vi: 'câu «{question}» cần được trả lời',
    en: 'question “{question}” needs an answer',
  },
  'programmes.answer.choice': {
    vi: 'câu «{question}»: hãy chọn trong các lựa chọn đã cho',
    en: 'question “{question}”: pick one of the choices given',
  },
  'programmes.answer.number': {
    vi: 'câu «{question}»: cần ghi một số từ 0 trở lên',
    en: 'question “{question}”: give a number of 0 or more',
  },
  'programmes.answer.text': {
    vi: 'câu «{question}»: câu trả lời cần là chữ, không quá 1000 ký tự',
    en: 'question “{question}”: the answer must be text of at most 1000 characters',
  },
  'programmes.answer.yesNo': {
    vi: 'câu «{question}»: hãy chọn Có hoặc Không',
    en: 'question “{question}”: answer yes or no',
  },
  'programmes.answer.unknown': {
    vi: 'phiếu không có câu hỏi này',
    en: 'the survey has no such question',
  },
});
