variable "name" {
  description = "Prefix of the keys' aliases, e.g. exqress-production."
  type        = string
}

variable "deletion_window_in_days" {
  description = "How long a key scheduled for deletion can still be recovered. Deleting the data-key wrapping key makes every waybill's personal data unreadable for good."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for the keys."
  type        = map(string)
  default     = {}
}
