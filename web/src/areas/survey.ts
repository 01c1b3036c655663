/** A residents' survey's answer page (public, opened from a link or a poster's QR code on a phone): its own small chunk. */
export { SurveyAnswerPage } from '../pages/surveys/SurveyAnswerPage';
