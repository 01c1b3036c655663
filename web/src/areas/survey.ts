/** A residents' survey's answer page (public, opened from a link or a poster's QR code on a phone): its own small chunk. */
export { SurveyAnswerPage } from '../pages/surveys/SurveyAnswerPage';
/** The residents' feedback pages (issue 18 §6): sending to an office and tracking by code — public too, as small. */
export { FeedbackFormPage } from '../pages/feedback/FeedbackFormPage';
export { FeedbackTrackPage } from '../pages/feedback/FeedbackTrackPage';
/** The published ranking of the standard measurement (issue 18 §4): public, as small. */
export { MeasurementRankingPage } from '../pages/measurement/MeasurementRankingPage';
