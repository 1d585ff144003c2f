variable "name" {
  description = "The web ACL's name."
  type        = string
}

variable "scans_limit_per_ip" {
  description = "Requests to /scans one client IP may send in 5 minutes. Couriers of a hub may share one IP behind its NAT, so this stays well above one courier's allowance (120 a minute, enforced per courier and device by command-api itself)."
  type        = number
  default     = 6000
}

variable "login_limit_per_ip" {
  description = "Requests to /auth/login one client IP may send in 5 minutes."
  type        = number
  default     = 100
}

variable "common_rule_set_count_only" {
  description = "Rules of the core rule set (AWSManagedRulesCommonRuleSet) that only count instead of blocking, for clients that trip them legitimately, e.g. [\"NoUserAgent_HEADER\"] for scanners that send no User-Agent."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "How long the WAF's request logs are kept."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
