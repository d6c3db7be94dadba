/**
 * The model server's Prometheus metric names for the four monitoring layers, in base
 * units, written once: the server registers them, the exported alert rules, Grafana dashboard
 * and Argo AnalysisTemplate query them. Layer 1 is registered by `engine/node/serving/metrics.ts`.
 */
export const METRICS = {
  /** Layer 1, infrastructure. */
  requests: 'model_server_requests_total',
  requestDuration: 'model_server_request_duration_seconds',
  timeouts: 'model_server_timeouts_total',
  queueDepth: 'model_server_queue_depth',
  batchSize: 'model_server_batch_size',
  residentMemory: 'process_resident_memory_bytes',
  /** Layer 2, data quality, per input feature (label `feature`), over a sliding window of sampled requests. */
  featurePsi: 'model_feature_psi',
  featureNullRatio: 'model_feature_null_ratio',
  featureOutOfRangeRatio: 'model_feature_out_of_range_ratio',
  featureTypeErrors: 'model_feature_type_errors_total',
  featureUnseenRatio: 'model_feature_unseen_ratio',
  /** Layer 3, predictions (the seed's `model_prediction_value` and `model_confidence` histograms). */
  predictionValue: 'model_prediction_value',
  confidence: 'model_confidence',
  predictionMean: 'model_prediction_mean',
  predictionVariance: 'model_prediction_variance',
  predictionPsi: 'model_prediction_psi',
  calibrationError: 'model_expected_calibration_error',
  brierScore: 'model_brier_score',
  /** Layer 4, business outcomes once labels arrive, per window. */
  positiveRate: 'model_label_positive_ratio',
  precision: 'model_precision',
  recall: 'model_recall',
  falsePositiveRate: 'model_false_positive_rate',
  auc: 'model_auc',
} as const;

/** The seed's buckets for the prediction histogram. */
export const PREDICTION_BUCKETS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] as const;

/** The seed's buckets for the confidence histogram. */
export const CONFIDENCE_BUCKETS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99] as const;
