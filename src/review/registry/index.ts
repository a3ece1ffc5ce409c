import { registerReviewHandler } from '../review.handlers.ts';
import './registry-checks.messages.ts';
import { locationReview } from './location.review.ts';
import { lotReview } from './lot.review.ts';
import { organisationReview } from './organisation.review.ts';
import { productReview } from './product.review.ts';

// The registry's four kinds of master data go through review; their statuses live in the registry.
registerReviewHandler('organisation', organisationReview);
registerReviewHandler('location', locationReview);
registerReviewHandler('product', productReview);
registerReviewHandler('lot', lotReview);
