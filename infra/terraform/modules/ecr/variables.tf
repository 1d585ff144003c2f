variable "repositories" {
  description = "One repository per service image; the names are the images' paths under the registry."
  type        = list(string)
  default     = ["exqress/command-api", "exqress/query-api", "exqress/projections"]
}

variable "keep_images" {
  description = "How many images each repository keeps; older ones expire."
  type        = number
  default     = 100
}

variable "tags" {
  description = "Tags for the repositories."
  type        = map(string)
  default     = {}
}
